import type { NormalizedSpan } from "./types";

/** A span ready for the writer: masked, priced and flagged. */
export type SpanRow = NormalizedSpan & {
  projectId: string;
  latencyMs: number;
  inputCost: number | null;
  outputCost: number | null;
  totalCost: number | null;
  costEstimated: boolean;
  priceSource: string | null;
  flags: string[];
  piiMasks: number;
};

/** Trace-level attributes sent explicitly (batch API `trace` events). */
export type TraceRow = {
  projectId: string;
  id: string;
  name: string | null;
  timestamp: Date;
  input: unknown;
  output: unknown;
  userId: string | null;
  sessionId: string | null;
  environment: string | null;
  release: string | null;
  tags: string[];
  metadata: Record<string, unknown> | null;
};

export type ScoreRow = {
  projectId: string;
  id: string;
  traceId: string;
  spanId: string | null;
  name: string;
  numberValue: number | null;
  stringValue: string | null;
  dataType: "NUMERIC" | "CATEGORICAL" | "BOOLEAN";
  source: string;
  comment: string | null;
  createdAt: Date;
};

export type WriteBatch = {
  spans: SpanRow[];
  traces: TraceRow[];
  scores: ScoreRow[];
  /** Traces already stored whose pending feedback should be attached (the sweep job); spans and traces attach theirs anyway. */
  pendingTraces?: { projectId: string; traceId: string }[];
};
