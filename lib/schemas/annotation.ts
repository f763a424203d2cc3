import { z } from "zod";
import { nameSchema } from "./common";

export const CHOICES = ["A", "B", "tie", "both_bad"] as const;
export type Choice = (typeof CHOICES)[number];
export const choiceSchema = z.enum(CHOICES, { error: 'must be "A", "B", "tie" or "both_bad"' });

/** What the annotator pressed, in screen terms; the server maps it to the pair's A/B. */
export const PICKS = ["left", "right", "tie", "both_bad"] as const;
export type Pick = (typeof PICKS)[number];

const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);
const id = z.string().trim().min(1, "required").max(200);
export const metadataSchema = z.record(z.string(), z.unknown(), { error: "must be a JSON object" });

export const chatMessageSchema = z.object({ role: z.string().min(1).max(50), content: z.unknown() }).loose();
/** A prompt: text, chat messages, or any JSON object (a golden-set input). */
export const promptSchema = z.union(
  [z.string().trim().min(1, "must not be empty").max(200_000), z.array(chatMessageSchema).min(1, "must hold at least one message").max(500), metadataSchema],
  { error: "must be a string, a list of chat messages or a JSON object" },
);
const response = z.string().min(1, "must not be empty").max(200_000, "must be at most 200000 characters");

export const criterionSchema = z.object({ name: z.string().trim().min(1).max(40), description: text(300).optional() }).strict();
export const RATIONALE_MODES = ["optional", "required"] as const;

const scoreName = z.string().trim().min(1).max(60).regex(/^[\w.:-]+$/, "letters, digits, _ . : - only");
export const scoreDefinitionSchema = z.discriminatedUnion("type", [
  z.object({ name: scoreName, type: z.literal("numeric"), min: z.number(), max: z.number() }).strict().refine((d) => d.min < d.max, { message: "min must be below max", path: ["max"] }),
  z.object({ name: scoreName, type: z.literal("categorical"), categories: z.array(z.string().trim().min(1).max(60)).min(2).max(9) }).strict(),
  z.object({ name: scoreName, type: z.literal("boolean") }).strict(),
]);
export type ScoreDefinition = z.infer<typeof scoreDefinitionSchema>;

export const createQueueBody = z
  .object({
    name: nameSchema,
    /** pairs (default): A vs B. items: one response rated against scoreDefinitions. */
    kind: z.enum(["pairs", "items"]).optional(),
    scoreDefinitions: z.array(scoreDefinitionSchema).max(10).optional(),
    instructions: text(20_000).optional(),
    judgmentsPerPair: z.number().int().min(1, "must be at least 1").max(20, "must be at most 20").optional(),
    criteria: z.array(criterionSchema).max(10).optional(),
    rationale: z.enum(RATIONALE_MODES).optional(),
    /** Emails of project members to assign. */
    annotators: z.array(z.email()).max(200).optional(),
  })
  .strict()
  .refine((b) => b.kind !== "items" || (b.scoreDefinitions?.length ?? 0) > 0, { message: "an items queue needs at least one score definition", path: ["scoreDefinitions"] });
export type CreateQueueInput = z.infer<typeof createQueueBody>;

export const updateQueueBody = z
  .object({
    name: nameSchema.optional(),
    instructions: text(20_000).optional(),
    judgmentsPerPair: z.number().int().min(1).max(20).optional(),
    criteria: z.array(criterionSchema).max(10).optional(),
    rationale: z.enum(RATIONALE_MODES).optional(),
    annotators: z.array(z.email()).max(200).optional(),
    scoreDefinitions: z.array(scoreDefinitionSchema).min(1).max(10).optional(),
    leaseSeconds: z.number().int().min(30).max(86_400).optional(),
  })
  .strict();

export const pairInputSchema = z
  .object({
    prompt: promptSchema,
    responseA: response,
    responseB: response,
    metadata: metadataSchema.optional(),
    traceIds: z.array(id).max(20).optional(),
    runIds: z.array(id).max(20).optional(),
    promptVersions: z.array(z.string().max(300)).max(20).optional(),
    gold: choiceSchema.optional(),
  })
  .strict();
export type PairInput = z.infer<typeof pairInputSchema>;

export const MAX_PAIRS_PER_REQUEST = 5_000;
export const addPairsBody = z
  .object({ pairs: z.array(pairInputSchema).min(1, "must hold at least one pair").max(MAX_PAIRS_PER_REQUEST, `at most ${MAX_PAIRS_PER_REQUEST} pairs per request`) })
  .strict();

const ratings = z.record(z.string(), z.number().int().min(1, "ratings are 1–5").max(5, "ratings are 1–5"));

export const importJudgmentsBody = z
  .object({
    judgments: z
      .array(z.object({ pairId: id, annotator: z.email(), choice: choiceSchema, rationale: text(10_000).optional(), criteria: ratings.optional() }).strict())
      .min(1)
      .max(MAX_PAIRS_PER_REQUEST),
  })
  .strict();

export const submitJudgmentBody = z
  .object({
    pairId: id,
    pick: z.enum(PICKS, { error: 'must be "left", "right", "tie" or "both_bad"' }),
    rationale: text(10_000).optional(),
    criteria: ratings.optional(),
    durationMs: z.number().int().min(0).max(86_400_000).optional(),
  })
  .strict();

export const pairIdBody = z.object({ pairId: id }).strict();
export const undoBody = z.object({ judgmentId: id }).strict();


export const adjudicateBody = z.object({ choice: choiceSchema.nullable(), note: text(5_000).optional() }).strict();
export const goldBody = z.object({ choice: choiceSchema.nullable() }).strict();

const isoInstant = z.iso.datetime({ offset: true, error: "must be an ISO date-time with offset, e.g. 2026-11-25T08:00:00Z" }).transform((v) => new Date(v));
export const EXPORT_FORMATS = ["dpo", "kto"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const exportQuery = z.object({
  format: z.enum(EXPORT_FORMATS, { error: "must be dpo or kto" }),
  /** standard: strings; conversational: chat messages (TRL's two dataset forms). */
  style: z.enum(["standard", "conversational"], { error: "must be standard or conversational" }).default("standard"),
  from: isoInstant.optional(),
  to: isoInstant.optional(),
  /** Share of a pair's judgments that agree with its final label, 0..1. */
  minAgreement: z.coerce.number().min(0).max(1).optional(),
  /** KTO: ties and both-bad pairs as undesirable completions. */
  includeUndesirable: z.enum(["true", "false"]).default("false").transform((v) => v === "true"),
});
export type ExportOptions = z.infer<typeof exportQuery>;

/** One JSONL import line: snake_case keys, as the run comparison's download writes them. */
export const pairLineSchema = z
  .object({ prompt: promptSchema, response_a: response, response_b: response, metadata: metadataSchema.nullable().optional() })
  .strict();

export const nextPairBody = z.object({ exclude: z.array(id).max(10).default([]) }).strict();
export const listPairsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** `nextCursor` of the previous page (a position). */
  cursor: z.string().regex(/^\d+$/, "must be a cursor from a previous page").optional(),
});
export const pairsFromRunsBody = z.object({ runIds: z.array(id).min(2, "name a baseline run and at least one more").max(5) }).strict();
export const pairsFromTracesBody = z.object({ traceIds: z.tuple([id, id], { error: "must be exactly two trace ids" }) }).strict();

export const addItemsBody = z.object({ traceIds: z.array(id).min(1).max(500) }).strict();
export const rateItemBody = z
  .object({
    pairId: id,
    scores: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])),
    comment: text(10_000).optional(),
    durationMs: z.number().int().min(0).max(86_400_000).optional(),
  })
  .strict();
