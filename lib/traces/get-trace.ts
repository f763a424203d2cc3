import { db } from "../db";
import { AppError } from "../errors";
import { serializeScore, serializeSpan, serializeTrace } from "./serialize";

/** A trace with its spans (in start order), usage, cost and scores. */
export async function getTrace(options: { projectId: string; traceId: string }) {
  const { projectId, traceId } = options;
  const [trace, spans, scores] = await Promise.all([
    db.trace.findUnique({ where: { projectId_id: { projectId, id: traceId } } }),
    db.span.findMany({ where: { projectId, traceId }, orderBy: [{ startTime: "asc" }, { id: "asc" }] }),
    db.score.findMany({ where: { projectId, traceId }, orderBy: { createdAt: "asc" } }),
  ]);
  if (!trace) throw new AppError("NOT_FOUND", `Trace ${traceId} not found`);
  // The summary row has no estimate flag; a trace's cost is estimated when any span's is.
  const costEstimated = spans.some((s) => s.costEstimated);
  return { ...serializeTrace(trace), costEstimated, spans: spans.map(serializeSpan), scores: scores.map(serializeScore) };
}
