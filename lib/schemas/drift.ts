import { z } from "zod";

/** Embedding and drift settings of a project (ProjectSettings.embeddingSettings). */
export const EMBEDDING_FIELDS = ["input", "output"] as const;
export type EmbeddingField = (typeof EMBEDDING_FIELDS)[number];
export const DRIFT_GRANULARITIES = ["hour", "day"] as const;

const baseUrl = z.string().trim().max(500).refine((u) => /^https?:\/\/[^\s]+$/.test(u), "must be an http(s) URL");

export const baselineSchema = z.discriminatedUnion("kind", [
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
  /** Absolute effect-size floor on the centroid distance. */
  minDistance: z.number().min(0).max(2),
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
  baseline: { kind: "previous" },
  alpha: 0.01,
  minDistance: 0.05,
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
  .refine((s) => s.provider !== "provider" || s.providerConfig, { message: "a provider needs providerConfig (baseUrl, model, apiKey)", path: ["providerConfig"] });
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
