import { db } from "../db";
import { AppError } from "../errors";
import { serializeScore, serializeSpan, serializeTrace } from "./serialize";
import { traceSpans } from "./trace-spans";

/** A trace with its spans (in start order), usage, cost and scores. */
export async function getTrace(options: { projectId: string; traceId: string }) {
  const { projectId, traceId } = options;
  const [trace, scores] = await Promise.all([
    db.trace.findUnique({ where: { projectId_id: { projectId, id: traceId } } }),
    db.score.findMany({ where: { projectId, traceId }, orderBy: { createdAt: "asc" } }),
  ]);
  if (!trace) throw new AppError("NOT_FOUND", `Trace ${traceId} not found`);
  // After the summary: its time range limits the read to the partitions that hold the spans.
  const spans = await traceSpans({ projectId, trace });
  // The summary row has no estimate flag; a trace's cost is estimated when any span's is.
  const costEstimated = spans.some((s) => s.costEstimated);
  return { ...serializeTrace(trace), costEstimated, spans: spans.map(serializeSpan), scores: scores.map(serializeScore) };
}
