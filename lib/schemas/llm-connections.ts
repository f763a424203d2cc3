import { z } from "zod";
import { nameSchema } from "./common";

/** LLM connections: bodies shared by the UI routes, the public PUT and the settings form. */

export const MAX_HEADERS = 20;
export const MAX_MODELS = 200;
/** Keys shorter than this get no hint: their last 4 characters would give away too much. */
export const MIN_KEY_LENGTH_FOR_HINT = 16;

// Set by the client from the request itself; the key goes in apiKey, not in a header.
const RESERVED_HEADERS = new Set(["authorization", "content-type", "content-length", "host", "accept", "connection", "transfer-encoding", "cookie"]);

export const llmBaseUrl = z
  .string()
  .trim()
  .max(500, "must be at most 500 characters")
  .refine((u) => /^https?:\/\/[^\s/?#]+[^\s?#]*$/.test(u), "must be an http(s) URL without query or fragment, e.g. https://api.openai.com/v1")
  .transform((u) => u.replace(/\/+$/, ""));

const apiKey = z.string().trim().min(1, "must not be empty (null for no key)").max(1000);

const headerName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, "must be an HTTP header name")
  .refine((n) => !RESERVED_HEADERS.has(n.toLowerCase()), "is set by Pharos; put the key in apiKey");

export const llmHeaders = z
  .record(headerName, z.string().max(4000).regex(/^[^\r\n]*$/, "must be one line"))
  .refine((h) => Object.keys(h).length <= MAX_HEADERS, `at most ${MAX_HEADERS} headers`)
  .refine((h) => new Set(Object.keys(h).map((k) => k.toLowerCase())).size === Object.keys(h).length, "header names must differ (case-insensitively)");

export const llmModels = z
  .array(z.string().trim().min(1).max(256))
  .max(MAX_MODELS, `at most ${MAX_MODELS} models`)
  .transform((m) => [...new Set(m)]);

export const createLlmConnectionBody = z
  .object({ name: nameSchema, baseUrl: llmBaseUrl, apiKey: apiKey.nullable().optional(), headers: llmHeaders.optional(), models: llmModels.optional() })
  .strict();
export type CreateLlmConnection = z.infer<typeof createLlmConnectionBody>;

/**
 * PATCH: omitted fields are kept. apiKey: a string replaces the key, null removes it. headers:
 * an object replaces every header, null removes them. A new baseUrl needs apiKey (and headers,
 * when some are stored) in the same request, so a stored secret is never sent to a new host.
 */
export const updateLlmConnectionBody = z
  .object({ name: nameSchema.optional(), baseUrl: llmBaseUrl.optional(), apiKey: apiKey.nullable().optional(), headers: llmHeaders.nullable().optional(), models: llmModels.optional() })
  .strict()
  .refine((b) => Object.values(b).some((v) => v !== undefined), "name, baseUrl, apiKey, headers or models is required");
export type UpdateLlmConnection = z.infer<typeof updateLlmConnectionBody>;

/** Public PUT: the whole connection, replaced (omitted models/headers mean none). */
export const putLlmConnectionBody = z
  .object({ baseUrl: llmBaseUrl, apiKey: apiKey.nullable(), models: llmModels.default(() => []), headers: llmHeaders.default(() => ({})) })
  .strict();
export type PutLlmConnection = z.infer<typeof putLlmConnectionBody>;

export const testLlmConnectionBody = z
  .object({
    /** With a model: a 1-token chat completion to it. Without: GET {baseUrl}/models. */
    model: z.string().trim().min(1).max(256).optional(),
    timeoutMs: z.number().int().min(100).max(60_000).default(10_000),
  })
  .strict();

/** What any API shows of a connection: never the key or header values. */
export type LlmConnectionView = {
  id: string;
  name: string;
  baseUrl: string;
  hasApiKey: boolean;
  /** "…abcd" for long keys, else null. */
  apiKeyHint: string | null;
  headerNames: string[];
  models: string[];
  createdAt: string | Date;
  updatedAt: string | Date;
};

export type LlmConnectionTestResult = {
  ok: boolean;
  /** GET /models or chat. */
  check: "models" | "chat";
  latencyMs: number | null;
  models?: string[];
  error?: { kind: string; status: number | null; message: string };
};
