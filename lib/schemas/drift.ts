import { z } from "zod";
import { alphaWindowsProblem } from "../drift/math/decide";
import { DRIFT_UNITS } from "../drift/math/units";

/** Embedding and drift settings of a project (ProjectSettings.embeddingSettings). */
export const EMBEDDING_FIELDS = ["input", "output"] as const;
export type EmbeddingField = (typeof EMBEDDING_FIELDS)[number];
export const DRIFT_GRANULARITIES = ["hour", "day"] as const;

const baseUrl = z.string().trim().max(500).refine((u) => /^https?:\/\/[^\s]+$/.test(u), "must be an http(s) URL");

/** What each window is compared with (lib/drift/math/baseline.ts says what each one detects). */
export const baselineSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("trailing") }),
  z.object({ kind: z.literal("previous") }),
  z.object({
    kind: z.literal("fixed"),
    start: z.iso.datetime({ offset: true }),
    end: z.iso.datetime({ offset: true }),
  }).refine((b) => new Date(b.end) > new Date(b.start), { message: "end must be after start", path: ["end"] }),
]);

const shared = {
  /** Compute embeddings in the worker for these span fields (client-sent vectors are always kept). */
  fields: z.array(z.enum(EMBEDDING_FIELDS)).max(2),
  /** offline: built-in embedder; provider: an OpenAI-compatible POST /v1/embeddings; none: only client vectors. */
  provider: z.enum(["offline", "provider", "none"]),
  granularity: z.enum(DRIFT_GRANULARITIES),
  /** Windows shown (and corrected for) in a report. */
  windows: z.number().int().min(2).max(60),
  baseline: baselineSchema,
  alpha: z.number().gt(0).max(0.2),
  /** Scale-free effect floor: the noise-corrected centroid shift over the reference's spread √tr Σ. */
  minEffect: z.number().min(0).max(2),
  /** The independent unit the test counts: one vector per trace, or per session. */
  unit: z.enum(DRIFT_UNITS),
};

/** As stored: the API key only encrypted. */
export const storedEmbeddingSettingsSchema = z.object({
  ...shared,
  providerConfig: z.object({ baseUrl, model: z.string().min(1).max(256), apiKeyEncrypted: z.string().nullable() }).nullable(),
});
export type StoredEmbeddingSettings = z.infer<typeof storedEmbeddingSettingsSchema>;

export const DEFAULT_EMBEDDING_SETTINGS: StoredEmbeddingSettings = {
  fields: ["input"],
  provider: "offline",
  granularity: "day",
  windows: 7,
  baseline: { kind: "trailing" },
  alpha: 0.01,
  minEffect: 0.05,
  unit: "trace",
  providerConfig: null,
};

/** PUT body: the API key in clear (write-only); omit it to keep the stored one, null to clear it. */
export const updateEmbeddingSettingsBody = z
  .object({
    ...shared,
    providerConfig: z
      .object({ baseUrl, model: z.string().trim().min(1).max(256), apiKey: z.string().min(1).max(500).nullable().optional() })
      .nullable(),
  })
  .partial()
  .refine((s) => s.provider !== "provider" || s.providerConfig, { message: "a provider needs providerConfig (baseUrl, model, apiKey)", path: ["providerConfig"] })
  // Both given: checked here; one given: updateEmbeddingSettings checks it against the stored other.
  .refine((s) => s.alpha === undefined || s.windows === undefined || !alphaWindowsProblem(s.alpha, s.windows), {
    message: "alpha is too small for this many windows: Holm's alpha / windows is out of the permutation test's reach",
    path: ["alpha"],
  });
export type UpdateEmbeddingSettings = z.infer<typeof updateEmbeddingSettingsBody>;

/** What GET returns: never the key, only whether one is stored. */
export type EmbeddingSettingsView = Omit<StoredEmbeddingSettings, "providerConfig"> & {
  providerConfig: { baseUrl: string; model: string; hasApiKey: boolean } | null;
};

export const computeDriftBody = z.object({
  field: z.enum(EMBEDDING_FIELDS).optional(),
  model: z.string().min(1).max(300).optional(),
  granularity: z.enum(DRIFT_GRANULARITIES).optional(),
  filters: z
    .object({ environment: z.string().max(64).optional(), model: z.string().max(256).optional(), promptName: z.string().max(256).optional(), promptVersion: z.number().int().positive().optional() })
    .strict()
    .optional(),
});

export const listDriftQuery = z.object({
  field: z.enum(EMBEDDING_FIELDS).optional(),
  model: z.string().max(300).optional(),
});

export const sendClusterBody = z.object({
  traceIds: z.array(z.string().min(1).max(128)).min(1, "must name at least one trace").max(200),
});

export type DriftWindow = {
  start: string;
  end: string;
  referenceCount: number;
  currentCount: number;
  distance: number | null;
  pValue: number | null;
  adjustedP: number | null;
  noise: number | null;
  floor: number | null;
  /** Noise-corrected, scale-free shift √max(0, d² − noise²) / spread (absent in reports before it). */
  effect?: number | null;
  /** √tr Σ of the reference. */
  spread?: number | null;
  /** The effect was at or below the floor, so the window was not permutation-tested (p = 1 in Holm). */
  belowFloor?: boolean;
  drifted: boolean;
  /** Too few vectors on either side to test. */
  insufficient: boolean;
  /** The window has not closed yet. */
  partial: boolean;
  /** LLM spans in the window with the field set (and matching the filters): what could have a vector. Absent on older reports. */
  llmSpans?: number;
  /** Of those, how many still wait for a vector of this model; null when Pharos does not embed the model (client vectors). */
  waiting?: number | null;
  /** The same for the window's reference. */
  referenceWaiting?: number | null;
};
