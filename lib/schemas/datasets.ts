import { z } from "zod";
import { nameSchema } from "./common";

/** Any JSON value except null/absent: what a golden-set input must be. */
export const requiredJson = z.unknown().refine((v) => v !== undefined && v !== null, "required");
/** Any JSON value (null clears it). */
export const optionalJson = z.unknown().optional();
export const metadataSchema = z.record(z.string(), z.unknown(), { error: "must be a JSON object" });

/**
 * A golden item's retrieved passages, in rank order, for the RAG evaluators (and a prompt's
 * `contexts` variable): strings, or documents `{ content, id?, score?, metadata? }` as a
 * retriever span returns them.
 */
const contextDocument = z.object({
  content: z.string().max(100_000, "at most 100000 characters"),
  id: z.union([z.string().max(500), z.number()]).optional(),
  score: z.number().nullable().optional(),
  metadata: z.record(z.string(), z.unknown()).nullable().optional(),
}).strict();
export const contextsSchema = z.array(z.union([z.string().max(100_000, "at most 100000 characters"), contextDocument], { error: "must be a string or a document { content, id?, score?, metadata? }" })).max(200, "at most 200 passages");

const description = z.string().trim().max(2000, "must be at most 2000 characters");
const isoInstant = z.iso.datetime({ offset: true, error: "must be an ISO date-time with offset, e.g. 2026-11-25T08:00:00Z" }).transform((v) => new Date(v));
const id = z.string().trim().min(1, "required").max(200);

export const createDatasetBody = z.object({ name: nameSchema, description: description.optional() }).strict();

/**
 * POST …/datasets: a golden set, or with `template: "red-team"` the shipped red-team set imported
 * into the set of that name (created when missing; idempotent: importing again adds nothing).
 */
export const createDatasetRequest = z
  .object({ name: nameSchema, description: description.optional(), template: z.enum(["red-team"], { error: 'must be "red-team"' }).optional() })
  .strict();

export const updateDatasetBody = z
  .object({ name: nameSchema.optional(), description: description.nullable().optional() })
  .strict()
  .refine((b) => b.name !== undefined || b.description !== undefined, "name or description is required");

export const createItemBody = z.object({ input: requiredJson, expectedOutput: optionalJson, metadata: metadataSchema.optional(), contexts: contextsSchema.optional() }).strict();

export const updateItemBody = z
  .object({
    input: requiredJson.optional(),
    expectedOutput: optionalJson,
    metadata: metadataSchema.nullable().optional(),
    contexts: contextsSchema.nullable().optional(),
    /** The version the edit was based on: a newer current version answers 409 (no lost update). */
    baseVersion: z.number().int().positive().max(2_147_483_647, "must be at most 2147483647").optional(),
  })
  .strict()
  .refine((b) => b.input !== undefined || b.expectedOutput !== undefined || b.metadata !== undefined || b.contexts !== undefined, "input, expectedOutput, metadata or contexts is required");

export const listItemsQuery = z.object({
  /** Snapshot instant: the versions valid then (validFrom <= at < validTo). */
  at: isoInstant.optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(200),
  /** `nextCursor` of the previous page. */
  cursor: z.string().max(500).optional(),
});

export const promoteBody = z
  .object({
    datasetId: id.optional(),
    newDatasetName: nameSchema.optional(),
    traceId: id,
    spanId: id.optional(),
    triageItemId: id.optional(),
    /** Defaults to the span's input, else the trace's. */
    input: requiredJson.optional(),
    expectedOutput: z.unknown().refine((v) => v !== undefined, "required"),
    metadata: metadataSchema.optional(),
    /** Defaults to the answer's context when the trace is a RAG trace (the documents of the retrievers before its LLM span); [] for none. */
    contexts: contextsSchema.optional(),
  })
  .strict()
  .refine((b) => (b.datasetId === undefined) !== (b.newDatasetName === undefined), { message: "give exactly one of datasetId or newDatasetName", path: ["datasetId"] });

/** An import refused for bad lines lists at most this many of them in error.details. */
export const MAX_REPORTED_LINE_ERRORS = 200;

export const DATASET_FILE_FORMATS = ["jsonl", "csv"] as const;
export type DatasetFileFormat = (typeof DATASET_FILE_FORMATS)[number];
const format = z.enum(DATASET_FILE_FORMATS, { error: "must be jsonl or csv" });

export const importQuery = z.object({
  format,
  skipInvalid: z.enum(["true", "false"], { error: "must be true or false" }).default("false").transform((v) => v === "true"),
});

export const exportQuery = z.object({ format, at: isoInstant.optional() });

/** One line of an import file (JSONL keys; CSV columns of the same names). */
export const importLineSchema = z
  .object({ input: requiredJson, expected_output: optionalJson, metadata: metadataSchema.nullable().optional(), contexts: contextsSchema.nullable().optional() })
  .strict();
export type ImportLine = z.infer<typeof importLineSchema>;

/** POST /api/public/datasets/{name}/items: every item is checked before any is stored. */
export const appendItemsBody = z
  .object({ items: z.array(createItemBody).min(1, "must hold at least one item").max(5_000, "at most 5000 items per request") })
  .strict();
