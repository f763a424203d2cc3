import { z } from "zod";
import { nameSchema } from "./common";
import { evaluatorEntry } from "./runs";

/**
 * Online evaluation rules: bodies shared by the UI routes, the public PUT and the rule dialog.
 * The filter is the explorer's trace filter (lib/schemas/traces.ts listTracesQuery) restricted
 * to what a trace carries when it arrives — no time range, feedback or score filters — with
 * JSON values instead of query strings. lib/online-evals/trace-candidates.ts hands it to the
 * explorer's SQL (lib/traces/trace-filters.ts), so a rule selects exactly what the explorer shows.
 */
export const onlineEvalFilter = z
  .object({
    /** null: every environment. */
    environment: z.string().trim().min(1).max(64).nullable().default("production"),
    name: z.string().trim().min(1).max(512).optional(),
    tags: z.array(z.string().trim().min(1).max(200)).min(1).max(20).optional(),
    model: z.string().trim().min(1).max(256).optional(),
    promptName: z.string().trim().min(1).max(256).optional(),
    promptVersion: z.number().int().positive().max(2_147_483_647, "must be at most 2147483647").optional(),
    release: z.string().trim().min(1).max(256).optional(),
    userId: z.string().trim().min(1).max(256).optional(),
    status: z.enum(["ok", "error"]).optional(),
  })
  .strict()
  .refine((f) => f.promptVersion === undefined || f.promptName !== undefined, { message: "requires promptName", path: ["promptVersion"] });
export type OnlineEvalFilter = z.infer<typeof onlineEvalFilter>;

const sampleRate = z.number().min(0, "must be within 0–100 (percent)").max(100, "must be within 0–100 (percent)");
const scoreName = z.string().trim().min(1).max(200);
const model = z.string().trim().min(1).max(256);
const ref = z.string().trim().min(1).max(200);

/**
 * A whole rule. The evaluator is any registry evaluator as runs take it, `{ type, ...params }`,
 * checked against the registry by the service (a 400 naming `body.evaluator.<field>`).
 * llm_judge needs an LLM connection (by name on the public API, by id in the UI) and a model
 * (else the connection's first). scoreName defaults to the rule's name.
 */
const ruleFields = {
  enabled: z.boolean().default(true),
  sampleRate,
  filter: onlineEvalFilter.default({ environment: "production" }),
  evaluator: evaluatorEntry,
  connection: ref.optional(),
  connectionId: ref.optional(),
  model: model.optional(),
  scoreName: scoreName.optional(),
};

/** PUT /api/public/online-evaluations/{name}: create or replace. */
export const putOnlineEvalBody = z.object(ruleFields).strict();
export type PutOnlineEval = z.infer<typeof putOnlineEvalBody>;

/** POST /api/projects/[projectId]/online-evaluations. */
export const createOnlineEvalBody = z.object({ name: nameSchema, ...ruleFields }).strict();
export type CreateOnlineEval = z.infer<typeof createOnlineEvalBody>;

/** PATCH …/online-evaluations/[ruleId]: omitted fields are kept (`{ enabled: false }` disables). */
export const updateOnlineEvalBody = z
  .object({
    name: nameSchema.optional(),
    enabled: z.boolean().optional(),
    sampleRate: sampleRate.optional(),
    filter: onlineEvalFilter.optional(),
    evaluator: evaluatorEntry.optional(),
    connectionId: ref.nullable().optional(),
    model: model.nullable().optional(),
    scoreName: scoreName.optional(),
  })
  .strict()
  .refine((b) => Object.values(b).some((v) => v !== undefined), "give at least one field to change");
export type UpdateOnlineEval = z.infer<typeof updateOnlineEvalBody>;

/** What every API shows of a rule. */
export type OnlineEvalRuleView = {
  id: string;
  name: string;
  enabled: boolean;
  sampleRate: number;
  filter: OnlineEvalFilter;
  evaluator: { type: string; [param: string]: unknown };
  connectionId: string | null;
  model: string | null;
  scoreName: string;
  stats: { evaluated: number; meanScore: number | null; errors: number; lastError: string | null; lastErrorAt: string | Date | null; lastRunAt: string | Date | null; judgeCalls: number; cost: number;
    /** Tiered evaluators: evaluations whose cheap pass was uncertain and went to the strong model, and their share. */
    escalated: number; escalationRate: number | null };
  createdAt: string | Date;
  updatedAt: string | Date;
};
