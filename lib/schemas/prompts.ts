import { z } from "zod";
import { ROLES } from "../auth/permissions";
import { evaluatorEntry } from "./runs";
import { LABEL_PATTERN, LATEST, MAX_CONFIG_BYTES, MAX_TEMPLATE_BYTES, PROMPT_NAME_PATTERN } from "../prompts/limits";

export const PROMPT_TYPES = ["text", "chat"] as const;

export const promptNameSchema = z
  .string({ error: "must be a string" })
  .min(1, "must not be empty")
  .max(200, "must be at most 200 characters")
  .regex(PROMPT_NAME_PATTERN, "may use only a-z, 0-9, '.', '_', '-' and '/' (folders)")
  .refine((n) => !n.startsWith("/") && !n.endsWith("/") && !n.includes("//"), "folders need a name on each side of '/'");

/** A label that can be stored: production, staging or custom; never `latest`. */
export const labelSchema = z
  .string({ error: "must be a string" })
  .min(1, "must not be empty")
  .max(64, "must be at most 64 characters")
  .regex(LABEL_PATTERN, "may use only a-z, 0-9, '.', '_' and '-'")
  .refine((l) => l !== LATEST, "`latest` always means the newest version and cannot be moved by hand");

const chatMessage = z.object({ role: z.string().min(1).max(64), content: z.string() }).strict();
const chatPlaceholder = z.object({ type: z.literal("placeholder"), name: z.string().min(1).max(100).regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "must be an identifier") }).strict();
const chatItem = z.union([chatPlaceholder, chatMessage], { error: "must be { role, content } or { type: \"placeholder\", name }" });

const bytes = (v: unknown) => new TextEncoder().encode(JSON.stringify(v) ?? "").length;

/** Model config: any JSON object (model, temperature, maxTokens, responseFormat…). */
export const promptConfigSchema = z
  .record(z.string(), z.unknown(), { error: "must be a JSON object" })
  .refine((c) => bytes(c) <= MAX_CONFIG_BYTES, `must be at most ${MAX_CONFIG_BYTES} bytes as JSON`);

const promptContent = {
  name: promptNameSchema,
  type: z.enum(PROMPT_TYPES, { error: "must be text or chat" }),
  /** A text prompt's string, or a chat prompt's message list. */
  template: z.union([z.string(), z.array(chatItem).min(1, "a chat prompt needs at least one message")], { error: "must be a string (text) or a list of messages (chat)" }),
  config: promptConfigSchema.optional(),
  commitMessage: z.string().trim().max(2000, "must be at most 2000 characters").optional(),
};

type Content = { type: string; template: unknown };
/** The template's shape must match the type, and its size is capped. */
function checkTemplate(body: Content, ctx: z.RefinementCtx) {
  if (body.type === "text" && typeof body.template !== "string") ctx.addIssue({ code: "custom", path: ["template"], message: "a text prompt's template is a string" });
  if (body.type === "chat" && !Array.isArray(body.template)) ctx.addIssue({ code: "custom", path: ["template"], message: "a chat prompt's template is a list of messages" });
  if (bytes(body.template) > MAX_TEMPLATE_BYTES) ctx.addIssue({ code: "custom", path: ["template"], message: `must be at most ${MAX_TEMPLATE_BYTES} bytes as JSON` });
}

/** POST /api/projects/[projectId]/prompts: create the prompt if new, and a version. */
export const createPromptVersionBody = z
  .object({ ...promptContent, description: z.string().trim().max(2000).optional(), tags: z.array(z.string().trim().min(1).max(64)).max(20).optional() })
  .strict()
  .superRefine(checkTemplate);
export type CreatePromptVersionInput = z.infer<typeof createPromptVersionBody>;

/** POST /api/public/prompts (CI): as above, plus a label to propose the version for. */
export const publicCreatePromptBody = z
  .object({ ...promptContent, proposeFor: labelSchema.optional() })
  .strict()
  .superRefine(checkTemplate);

export const promptListQuery = z.object({ q: z.string().max(200).optional() });

export const compileBody = z.object({ version: z.number().int().positive().max(2_147_483_647, "must be at most 2147483647"), variables: z.record(z.string(), z.unknown(), { error: "must be a JSON object" }).default({}) }).strict();

export const diffQuery = z.object({ from: z.coerce.number().int().positive().max(2_147_483_647, "must be at most 2147483647"), to: z.coerce.number().int().positive().max(2_147_483_647, "must be at most 2147483647") });

export const proposeBody = z.object({ label: labelSchema, version: z.number().int().positive().max(2_147_483_647, "must be at most 2147483647"), description: z.string().trim().max(5000).optional() }).strict();

export const REVIEW_VERDICTS = ["approve", "request_changes", "comment"] as const;
export type ReviewVerdict = (typeof REVIEW_VERDICTS)[number];
export const reviewBody = z
  .object({ verdict: z.enum(REVIEW_VERDICTS, { error: "must be approve, request_changes or comment" }), body: z.string().trim().max(10_000).optional() })
  .strict()
  .refine((b) => b.verdict !== "comment" || (b.body ?? "") !== "", { message: "a comment needs a body", path: ["body"] });

export const changeRequestListQuery = z.object({ status: z.enum(["open", "merged", "closed", "all"]).default("open") });

export const gateOverrideBody = z.object({ reason: z.string({ error: "is required" }).trim().min(1, "is required: say why the gate is overridden").max(2000) }).strict();

export const rollbackBody = z.object({ version: z.number().int().positive().max(2_147_483_647, "must be at most 2147483647"), reason: z.string({ error: "is required" }).trim().min(1, "is required: say why this is an emergency").max(2000) }).strict();

const ref = z.string().trim().min(1, "required").max(200);

/**
 * The approval gate of a policy with requirePassingRun: proposing a version runs it over the
 * golden set (and the label's current version too, on the same snapshot, unless it already has
 * such a run); the request merges only when the proposed run's pass rate is ≥ minPassRate and
 * has not dropped more than maxDropPoints percentage points below the current version's.
 */
export const runGateSchema = z
  .object({
    dataset: ref.optional(),
    datasetId: ref.optional(),
    connection: ref.optional(),
    connectionId: ref.optional(),
    /** Defaults to the version's config model, else the connection's first model. */
    model: z.string().trim().min(1).max(256).optional(),
    evaluators: z.array(evaluatorEntry).min(1, "give at least one evaluator").max(20),
    /** 0–1: the proposed version's pass rate must be at least this. */
    minPassRate: z.number().min(0).max(1),
    /** Percentage points (0–100) the pass rate may fall below the current version's; omitted: no comparison. */
    maxDropPoints: z.number().min(0).max(100).optional(),
    /**
     * Requirements on evaluator means, e.g. { evaluator: "faithfulness", min: 0.9, maxDrop: 0.03 }:
     * the proposed run's mean ≥ min, and at most maxDrop below the current version's run.
     * `evaluator` is an evaluator key of this gate (its type, or type_2 for a repeat).
     */
    scoreGates: z.array(z.object({
      evaluator: z.string().trim().regex(/^[a-z_0-9]+$/, "must be an evaluator key of this gate, e.g. faithfulness").max(100),
      min: z.number().optional(),
      maxDrop: z.number().min(0).optional(),
    }).strict().refine((g) => g.min !== undefined || g.maxDrop !== undefined, { message: "give min, maxDrop or both", path: ["min"] })).max(20).optional(),
  })
  .strict()
  .refine((g) => g.dataset !== undefined || g.datasetId !== undefined, { message: "required", path: ["dataset"] });
export type RunGate = z.infer<typeof runGateSchema>;

export const policyBody = z
  .object({
    requiredApprovals: z.number().int().min(0).max(10),
    approverRoles: z.array(z.enum(ROLES)).max(ROLES.length).default(["owner", "admin"]),
    approverUserIds: z.array(z.string().min(1).max(100)).max(50).default([]),
    allowSelfApproval: z.boolean().default(false),
    autoMerge: z.boolean().default(false),
    requirePassingRun: z.boolean().default(false),
    /** Omitted: keep the stored gate (a form that does not show it cannot erase it); null: remove it. */
    runGate: runGateSchema.nullable().optional(),
  })
  .strict();
export type PolicyInput = z.infer<typeof policyBody>;
/** PUT …/prompts/[promptId]/policies and PUT …/prompt-policies (project default): one label's policy. */
export const putPolicyBody = policyBody.extend({ label: labelSchema });
export const deletePolicyQuery = z.object({ label: labelSchema });

/** Canary guard thresholds, checked by the worker every minute (lib/prompts/canary-guard.ts). */
export const canaryGuardSchema = z
  .object({
    /** The canary needs this many calls before any threshold is judged. */
    minCalls: z.number().int().min(1).max(1_000_000).default(200),
    /** Error rate worse than main with a two-proportion p-value below this. */
    errorRatePValue: z.number().gt(0).max(0.5).optional(),
    /** Thumbs-down rate worse than main by more than this many percentage points. */
    thumbsDownPoints: z.number().gt(0).max(100).optional(),
    /** Votes each side needs before the thumbs-down threshold is judged. */
    minVotes: z.number().int().min(1).max(1_000_000).default(30),
    /** p95 latency more than this many times main's. */
    latencyP95Ratio: z.number().gt(1).max(100).optional(),
  })
  .strict();
export type CanaryGuard = z.infer<typeof canaryGuardSchema>;

export const startCanaryBody = z
  .object({ label: labelSchema, version: z.number().int().positive().max(2_147_483_647, "must be at most 2147483647"), percent: z.number().gt(0, "must be more than 0").max(50, "must be at most 50"), guard: canaryGuardSchema.optional() })
  .strict();

export const endCanaryBody = z.object({ reason: z.string().trim().max(2000).optional() }).strict();

export const promptMetricsQuery = z.object({
  from: z.iso.datetime({ offset: true }).transform((v) => new Date(v)).optional(),
  to: z.iso.datetime({ offset: true }).transform((v) => new Date(v)).optional(),
});

export const releaseWebhookBody = z.object({ url: z.string().trim().url("must be a URL").max(2000).nullable() }).strict();

export const auditListQuery = z.object({
  /** e.g. `prompt.` or `prompt.label.` */
  action: z.string().trim().max(100).optional(),
  resourceType: z.string().trim().max(100).optional(),
  resourceId: z.string().trim().max(200).optional(),
  actorUserId: z.string().trim().max(100).optional(),
  from: z.iso.datetime({ offset: true }).transform((v) => new Date(v)).optional(),
  to: z.iso.datetime({ offset: true }).transform((v) => new Date(v)).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type AuditListQuery = z.infer<typeof auditListQuery>;
