import { z } from "zod";

const name = z.string().trim().min(1, "required").max(200);
const id = z.string().trim().min(1, "required").max(200);

/**
 * One evaluator as the caller writes it: `{ type, ...params, threshold?, required?, minPassRate? }`.
 * The params are checked against the evaluator registry when the run starts (a 400 naming
 * `body.evaluators.<i>.<field>`); here only the shape of an object with a type.
 */
export const evaluatorEntry = z.object({ type: z.string().min(1, "required") }).passthrough();

/**
 * Start a run. The UI addresses rows by id (datasetId, prompt.id, connectionId), the public API
 * by name (dataset, prompt.name, connection); either is accepted on both surfaces.
 */
export const startRunBody = z
  .object({
    dataset: name.optional(),
    datasetId: id.optional(),
    prompt: z
      .object({ name: name.optional(), id: id.optional(), label: name.optional(), version: z.number().int().positive().max(2_147_483_647, "must be at most 2147483647").optional() })
      .strict()
      .refine((p) => p.name !== undefined || p.id !== undefined, { message: "give name or id", path: ["name"] })
      .refine((p) => p.label === undefined || p.version === undefined, { message: "give label or version, not both", path: ["version"] })
      .optional(),
    connection: name.optional(),
    connectionId: id.optional(),
    model: z.string().trim().min(1).max(256).optional(),
    /** Overrides of the prompt version's config: temperature, maxTokens, responseFormat, … */
    modelConfig: z.record(z.string(), z.unknown()).optional(),
    outputs: z.array(z.object({ itemId: id, output: z.unknown() }).strict()).max(50_000).optional(),
    evaluators: z.array(evaluatorEntry).min(1, "give at least one evaluator").max(20),
    minPassRate: z.number().min(0).max(1).default(1),
    concurrency: z.number().int().min(1).max(64).default(8),
  })
  .strict()
  .refine((b) => b.dataset !== undefined || b.datasetId !== undefined, { message: "required", path: ["dataset"] })
  // Both: outputs a system produced with that prompt version elsewhere; scored, not called, and labelled with the version.
  .refine((b) => b.prompt !== undefined || b.outputs !== undefined, { message: "give prompt (Pharos calls the model) or outputs (Pharos only scores)", path: ["prompt"] });

export type StartRunBody = z.infer<typeof startRunBody>;

export const listRunsQuery = z.object({
  datasetId: id.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** `nextCursor` of the previous page. */
  cursor: z.string().max(500).optional(),
});

export const runItemsQuery = z.object({
  status: z.enum(["pending", "running", "done", "failed", "judge_error"]).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** Position after which the next page starts (`nextCursor`). */
  cursor: z.coerce.number().int().min(0).optional(),
});

/** `?ids=a,b[,c]`: the first run is the baseline; 2 to 5 distinct runs. */
export const compareRunsQuery = z.object({
  ids: z
    .string()
    .max(2000)
    .transform((s) => s.split(",").map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(id).min(2, "give at least two run ids, comma-separated").max(5, "compare at most five runs").refine((a) => new Set(a).size === a.length, "a run is given twice")),
});
