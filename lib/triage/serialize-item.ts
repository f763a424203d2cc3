import { db } from "../db";
import type { Prisma, TriageItem } from "../generated/prisma/client";
import { previewText } from "./preview";

const TRACE_SUMMARY_SELECT = {
  id: true, traceName: true, rootName: true, firstName: true, startTime: true, endTime: true, input: true, output: true,
  totalCost: true, models: true, errorCount: true, userId: true, environment: true,
} as const satisfies Prisma.TraceSelect;
type TraceSummaryRow = Prisma.TraceGetPayload<{ select: typeof TRACE_SUMMARY_SELECT }>;

export type UserRef = { id: string; name: string | null; email: string };

/** Trace summaries (by id) for a page of items, read in one query scoped to the project. */
export async function traceSummaries(options: { projectId: string; traceIds: string[] }) {
  const { projectId, traceIds } = options;
  if (!traceIds.length) return new Map<string, ReturnType<typeof summarize>>();
  const rows = await db.trace.findMany({ where: { projectId, id: { in: [...new Set(traceIds)] } }, select: TRACE_SUMMARY_SELECT });
  return new Map(rows.map((t) => [t.id, summarize(t)]));
}

function summarize(t: TraceSummaryRow) {
  return {
    id: t.id,
    name: t.traceName ?? t.rootName ?? t.firstName ?? null,
    inputPreview: previewText(t.input),
    outputPreview: previewText(t.output),
    startTime: t.startTime,
    latencyMs: t.endTime.getTime() - t.startTime.getTime(),
    totalCost: t.totalCost.toNumber(),
    models: t.models,
    userId: t.userId,
    environment: t.environment,
    status: t.errorCount > 0 ? ("error" as const) : ("ok" as const),
  };
}
export type TraceSummary = ReturnType<typeof summarize>;

export async function usersById(ids: (string | null)[]): Promise<Map<string, UserRef>> {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  if (!unique.length) return new Map();
  const users = await db.user.findMany({ where: { id: { in: unique } }, select: { id: true, name: true, email: true } });
  return new Map(users.map((u) => [u.id, u]));
}

export function serializeItem(item: TriageItem, trace: TraceSummary | undefined, users: Map<string, UserRef>) {
  return {
    id: item.id,
    traceId: item.traceId,
    reasons: item.reasons,
    status: item.status,
    assignee: item.assigneeId ? (users.get(item.assigneeId) ?? { id: item.assigneeId, name: null, email: "(removed user)" }) : null,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    resolvedAt: item.resolvedAt,
    // null when the trace is gone (retention) — the item stays so its history is kept.
    trace: trace ?? null,
  };
}
export type SerializedTriageItem = ReturnType<typeof serializeItem>;
