import type { ErrorHandler } from "./errors.js";
import type { TimeInput } from "./time.js";

/** `body` is absent on GET (getPrompt). */
export type FetchLike = (input: string, init: { method: string; headers: Record<string, string>; body?: string; signal?: AbortSignal }) => Promise<{
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}>;

export type PharosOptions = {
  /** Where Pharos runs, e.g. "https://pharos.example.com". */
  baseUrl: string;
  /** pk-…: only needed for feedback; the secret key is used when absent. */
  publicKey?: string;
  /** sk-…: required for ingest. */
  secretKey: string;
  /** Send as soon as this many events are queued (at most 1000, the server's batch limit). */
  flushAt?: number;
  /** …or this long after the first queued event. */
  flushIntervalMs?: number;
  /** Oldest events are dropped (and reported) beyond this. */
  maxQueueSize?: number;
  /** Fraction of traces kept, decided from the trace id. */
  sampleRate?: number;
  /** Retries on network errors, 429 and 5xx before a batch is dropped. */
  maxRetries?: number;
  /** Per-request timeout. */
  requestTimeoutMs?: number;
  environment?: string;
  release?: string;
  fetch?: FetchLike;
  onError?: ErrorHandler;
  /** guardInput()/guardOutput() give up after this long (default 2,000 ms); per call: `timeoutMs`. */
  guardTimeoutMs?: number;
  /** When a guard call fails or times out: "open" lets the text through (default), "closed" blocks it; per call: `onFailure`. */
  guardFailure?: "open" | "closed";
};

export type Level = "DEBUG" | "DEFAULT" | "WARNING" | "ERROR";
export type SpanKind = "llm" | "chain" | "tool" | "retriever" | "embedding" | "guardrail" | "agent" | "event" | "span";

export type Usage = { input?: number; output?: number; cachedInput?: number; reasoning?: number; total?: number };

type Common = { userId?: string; sessionId?: string; tags?: string[]; metadata?: Record<string, unknown> };

export type TraceParams = Common & { id?: string; name?: string; input?: unknown; output?: unknown };
export type TraceUpdate = Omit<TraceParams, "id">;

/**
 * A vector you computed for the span's input or output text. Pharos compares only vectors of
 * the same model (and dimension) when it measures drift; send plain number arrays.
 */
export type SpanEmbedding = { field: "input" | "output"; model: string; vector: number[] };

export type SpanParams = Common & {
  id?: string;
  name: string;
  kind?: SpanKind;
  startTime?: TimeInput;
  input?: unknown;
  output?: unknown;
  level?: Level;
  statusMessage?: string;
  /** Embeddings of this span's input/output, for drift reports (see the Drift page). */
  embeddings?: SpanEmbedding[];
};

export type GenerationFields = {
  model?: string;
  provider?: string;
  modelParameters?: Record<string, unknown>;
  promptName?: string;
  promptVersion?: number;
  /** A prompt from getPrompt(): sets promptName and promptVersion (a fallback prompt sets neither). */
  prompt?: { name: string; version: number | null; isFallback: boolean };
  usage?: Usage;
  /** When the first token arrived; with startTime it gives time to first token. */
  completionStartTime?: TimeInput;
};

export type GenerationParams = SpanParams & GenerationFields;

export type SpanEnd = Partial<Omit<GenerationParams, "id" | "startTime">> & { endTime?: TimeInput };

/**
 * One document a retriever returned, in rank order. Pharos shows them as documents and uses
 * them as the context of the LLM calls that follow (faithfulness, context precision).
 */
export type RetrievedDocument = { content: string; id?: string; score?: number; metadata?: Record<string, unknown> };

/** A retriever span: `input` is usually the query. */
export type RetrieverParams = Omit<SpanParams, "kind" | "output"> & { documents?: RetrievedDocument[] };

/** Ending a retriever with its documents (sent as the span's output). */
export type RetrieverEnd = Omit<SpanEnd, "output" | "kind"> & { documents?: RetrievedDocument[] };

export type EventParams = SpanParams & { endTime?: TimeInput };

export type ScoreParams = { id?: string; name: string; value: number | string | boolean; comment?: string; spanId?: string };

export type FeedbackParams = { id?: string; traceId: string; spanId?: string; value: "up" | "down"; comment?: string };

export type EventType = "trace" | "span" | "generation" | "event" | "score";

/** One queued event, serialized when created so later mutation of user objects cannot leak in. */
export type QueuedEvent = { id: string; json: string; bytes: number };

export type EventResult = { id: string; status: number; error?: { code?: string; message?: string } };
