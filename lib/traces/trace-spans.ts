import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";

type TraceBounds = { id: string; startTime: Date; endTime: Date; spanCount: number };

/**
 * `spans` is partitioned by day of start_time, and a lookup by trace id alone probes every
 * partition's index. A trace's spans all start within its summary's [startTime, endTime] (ingest
 * keeps the earliest start and the latest end), so the read names that range and touches one or
 * two partitions. Should the range miss rows (a summary from before that rule), the trace's span
 * count says so (or, for a filtered read, nothing matched) and the read falls back to every partition.
 */
export async function traceSpans(options: { projectId: string; trace: TraceBounds; where?: Prisma.SpanWhereInput }) {
  const { projectId, trace } = options;
  const where = { ...options.where, projectId, traceId: trace.id };
  const orderBy = [{ startTime: "asc" as const }, { id: "asc" as const }];
  const spans = await db.span.findMany({ where: { ...where, ...inTraceRange(trace) }, orderBy });
  if (options.where ? spans.length > 0 : spans.length >= trace.spanCount) return spans;
  return db.span.findMany({ where, orderBy });
}

/** The start-time condition that prunes a trace's span lookup to the partitions its range covers. */
export function inTraceRange(trace: { startTime: Date; endTime: Date }) {
  return { startTime: { gte: trace.startTime, lte: trace.endTime } };
}
