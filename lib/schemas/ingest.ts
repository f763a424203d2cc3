import { z } from "zod";
import { SPAN_KINDS, SPAN_LEVELS } from "../ingest/types";

/**
 * POST /api/public/ingest — a batch of events, each validated on its own so one bad
 * event is reported (207) without rejecting the rest.
 */
/**
 * Longest accepted value of each span text field that Postgres indexes or keys on (trace sessions
 * and users, the per-minute rollups' model, environment and prompt, embeddings' model) or that the
 * UI lists. One table for the batch API's schema and the OTLP mapper: a longer value cannot fit a
 * btree entry (~2.7 KB) and would fail the whole write.
 */
export const SPAN_TEXT_LIMITS = {
  name: 512, model: 256, provider: 128, userId: 256, sessionId: 256, environment: 64, release: 128, promptName: 256, traceName: 512, tag: 64,
} as const;

const id = z.string().trim().min(1, "must not be empty").max(128, "must be at most 128 characters");
const time = z.union([z.string().datetime({ offset: true }), z.number().int().nonnegative()]).transform((v) => new Date(v));
const optionalText = (max: number) => z.string().max(max).nullish();
const count = z.number().int().nonnegative().max(2_147_483_647, "must be at most 2147483647").nullish();

export const usageSchema = z
  .object({
    input: count,
    output: count,
    cachedInput: count,
    reasoning: count,
    total: count,
  })
  .strict();

const common = {
  userId: optionalText(SPAN_TEXT_LIMITS.userId),
  sessionId: optionalText(SPAN_TEXT_LIMITS.sessionId),
  environment: optionalText(SPAN_TEXT_LIMITS.environment),
  release: optionalText(SPAN_TEXT_LIMITS.release),
  tags: z.array(z.string().max(SPAN_TEXT_LIMITS.tag)).max(50).nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
};

/** Vectors the client computed for this span; different models or dimensions are never compared. */
export const spanEmbeddingSchema = z.object({
  field: z.enum(["input", "output"]),
  model: z.string().trim().min(1, "must not be empty").max(256),
  vector: z.array(z.number().finite("must be a finite number")).min(1, "must not be empty").max(4096, "must have at most 4096 dimensions"),
});

export const spanBodySchema = z
  .object({
    id,
    traceId: id,
    parentId: id.nullish(),
    name: z.string().min(1).max(SPAN_TEXT_LIMITS.name),
    kind: z.enum(SPAN_KINDS).nullish(),
    startTime: time,
    endTime: time,
    completionStartTime: time.nullish(),
    model: optionalText(SPAN_TEXT_LIMITS.model),
    provider: optionalText(SPAN_TEXT_LIMITS.provider),
    input: z.unknown().optional(),
    output: z.unknown().optional(),
    modelParameters: z.record(z.string(), z.unknown()).nullish(),
    usage: usageSchema.nullish(),
    level: z.enum(SPAN_LEVELS).nullish(),
    statusMessage: optionalText(4000),
    promptName: optionalText(SPAN_TEXT_LIMITS.promptName),
    promptVersion: z.number().int().positive().max(2_147_483_647, "must be at most 2147483647").nullish(),
    embeddings: z.array(spanEmbeddingSchema).max(8).nullish(),
    ...common,
  })
  // zod runs an object's refine even when a field failed its own check: compare only two parsed times.
  .refine((s) => !(s.startTime instanceof Date && s.endTime instanceof Date) || s.endTime.getTime() >= s.startTime.getTime(), { message: "endTime is before startTime", path: ["endTime"] });

export const traceBodySchema = z.object({
  id,
  name: optionalText(512),
  input: z.unknown().optional(),
  output: z.unknown().optional(),
  ...common,
});

export const scoreBodySchema = z.object({
  id,
  traceId: id,
  spanId: id.nullish(),
  name: z.string().min(1).max(128),
  value: z.union([z.number().finite(), z.string().max(256), z.boolean()]),
  comment: optionalText(4000),
  source: z.enum(["api", "annotation", "eval", "user_feedback"]).nullish(),
});

export const INGEST_EVENT_TYPES = ["trace", "span", "generation", "event", "score"] as const;

export const ingestEventSchema = z.object({
  id,
  type: z.enum(INGEST_EVENT_TYPES),
  timestamp: time.optional(),
  body: z.unknown(),
});

export const ingestBatchSchema = z.object({
  batch: z.array(z.unknown()).min(1, "must contain at least one event").max(1000, "must contain at most 1000 events"),
});

export type SpanBody = z.infer<typeof spanBodySchema>;
export type TraceBody = z.infer<typeof traceBodySchema>;
export type ScoreBody = z.infer<typeof scoreBodySchema>;
