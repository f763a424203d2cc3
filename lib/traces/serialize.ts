import type { Score, Span, Trace } from "../generated/prisma/client";
import { retrievedDocuments } from "./retrieval-documents";

const num = (v: { toNumber(): number } | null | undefined) => (v == null ? null : v.toNumber());

/** API shapes: Decimal/BigInt → number, the display name resolved. */
export function serializeTrace(t: Trace) {
  return {
    id: t.id,
    name: t.traceName ?? t.rootName ?? t.firstName,
    startTime: t.startTime,
    endTime: t.endTime,
    latencyMs: t.endTime.getTime() - t.startTime.getTime(),
    input: t.input,
    output: t.output,
    userId: t.userId,
    sessionId: t.sessionId,
    environment: t.environment,
    release: t.release,
    promptName: t.promptName,
    promptVersion: t.promptVersion,
    tags: t.tags,
    metadata: t.metadata,
    spanCount: t.spanCount,
    llmCount: t.llmCount,
    errorCount: t.errorCount,
    status: t.errorCount > 0 ? "error" : "ok",
    usage: { inputTokens: Number(t.inputTokens), outputTokens: Number(t.outputTokens) },
    totalCost: num(t.totalCost),
    flags: t.flags,
    models: t.models,
  };
}

export function serializeSpan(s: Span) {
  const { projectId: _p, inputCost, outputCost, totalCost, inputTokens, outputTokens, cachedInputTokens, reasoningTokens, totalTokens, ...rest } = s;
  return {
    ...rest,
    usage: { inputTokens, outputTokens, cachedInputTokens, reasoningTokens, totalTokens },
    cost: { input: num(inputCost), output: num(outputCost), total: num(totalCost), estimated: s.costEstimated, priceSource: s.priceSource },
    /** A retriever's output read as documents (retrieval-documents.ts), in rank order; null for other spans or an output that is not a document list. */
    documents: s.kind === "retriever" ? retrievedDocuments(s.output) : null,
  };
}

export function serializeScore(s: Score) {
  const { projectId: _p, numberValue, stringValue, ...rest } = s;
  return { ...rest, value: s.dataType === "BOOLEAN" ? numberValue === 1 : (numberValue ?? stringValue) };
}
