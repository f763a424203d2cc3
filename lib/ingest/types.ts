/**
 * The one span model every ingest path (OTLP protobuf/JSON, the batch API, the SDK)
 * normalizes into before masking, pricing, flagging and the set-based write.
 */
export const SPAN_KINDS = ["llm", "chain", "tool", "retriever", "embedding", "guardrail", "agent", "event", "span"] as const;
export type SpanKind = (typeof SPAN_KINDS)[number];

export const SPAN_LEVELS = ["DEBUG", "DEFAULT", "WARNING", "ERROR"] as const;
export type SpanLevel = (typeof SPAN_LEVELS)[number];

export type Usage = {
  inputTokens: number | null;
  outputTokens: number | null;
  cachedInputTokens: number | null;
  reasoningTokens: number | null;
  totalTokens: number | null;
};

export type ChatMessage = {
  role: string;
  content: unknown;
  name?: string;
  toolCalls?: unknown;
};

/** A vector the client computed for the span's input or output text (tagged with its model). */
export type SpanEmbedding = { field: "input" | "output"; model: string; vector: number[] };

export type NormalizedSpan = {
  /** Client-provided; with traceId it makes retries idempotent. */
  id: string;
  traceId: string;
  parentId: string | null;
  kind: SpanKind;
  name: string;
  startTime: Date;
  endTime: Date;
  /** Time to first token, ms, for streamed generations. */
  ttftMs: number | null;
  model: string | null;
  provider: string | null;
  /** Prompt/request: chat messages, a string, or any JSON. */
  input: unknown;
  output: unknown;
  /** Request parameters: temperature, max_tokens, top_p, … */
  modelParameters: Record<string, unknown> | null;
  usage: Usage;
  level: SpanLevel;
  statusMessage: string | null;
  userId: string | null;
  sessionId: string | null;
  environment: string | null;
  release: string | null;
  promptName: string | null;
  promptVersion: number | null;
  tags: string[];
  /** Attributes no mapping claimed. */
  metadata: Record<string, unknown>;
  /** Trace-level name when a source names the trace (e.g. langfuse.trace.name). */
  traceName: string | null;
  /** Client-sent embeddings (OpenInference attributes, batch API), stored with the span. */
  embeddings?: SpanEmbedding[];
  /**
   * True when the server chose startTime (a batch event with neither startTime nor timestamp): a
   * retry of it gets another start time, so the writer checks for an earlier copy by id instead
   * of relying on the primary key, which includes start_time (lib/ingest/sql/insert-spans.ts).
   */
  startTimeAssigned?: boolean;
};
