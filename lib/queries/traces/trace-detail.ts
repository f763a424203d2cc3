/** GET /api/projects/[projectId]/traces/[traceId] as the browser sees it (dates as ISO strings). */
export type ScoreView = {
  id: string; traceId: string; spanId: string | null; name: string; value: number | string | boolean | null;
  dataType: string; source: string; comment: string | null; createdAt: string;
  /** An evaluator's evidence (online RAG rules: faithfulness statements, verdicts and passages). */
  details?: unknown;
};
/** A retriever's document (lib/traces/retrieval-documents.ts). */
export type DocumentView = { position: number; id: string | null; content: string | null; score: number | null; metadata: Record<string, unknown> | null };
export type SpanView = {
  id: string; traceId: string; parentId: string | null; kind: string; name: string; startTime: string; endTime: string;
  latencyMs: number; ttftMs: number | null; model: string | null; provider: string | null; input: unknown; output: unknown;
  modelParameters: Record<string, unknown> | null;
  usage: { inputTokens: number | null; outputTokens: number | null; cachedInputTokens: number | null; reasoningTokens: number | null; totalTokens: number | null };
  cost: { input: number | null; output: number | null; total: number | null; estimated: boolean; priceSource: string | null };
  level: string; statusMessage: string | null; userId: string | null; sessionId: string | null; environment: string | null;
  release: string | null; promptName: string | null; promptVersion: number | null; tags: string[]; metadata: unknown;
  flags: string[]; piiMasks: number; traceName: string | null; ingestedAt: string;
  /** Retriever spans: the output read as documents, in rank order (null when it is not a document list). */
  documents: DocumentView[] | null;
};
export type TraceDetail = {
  id: string; name: string | null; startTime: string; endTime: string; latencyMs: number; input: unknown; output: unknown;
  userId: string | null; sessionId: string | null; environment: string | null; release: string | null;
  promptName: string | null; promptVersion: number | null; tags: string[]; metadata: unknown;
  spanCount: number; llmCount: number; errorCount: number; status: "ok" | "error";
  usage: { inputTokens: number; outputTokens: number }; totalCost: number | null; costEstimated?: boolean;
  flags: string[]; models: string[]; spans: SpanView[]; scores: ScoreView[];
};
