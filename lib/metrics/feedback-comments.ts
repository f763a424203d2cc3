import { db } from "../db";

/** The latest thumbs feedback that came with a comment, newest first. */
export async function feedbackComments(options: { projectId: string; query: { from: Date; to: Date; limit: number } }) {
  const { projectId, query: q } = options;
  const rows = await db.score.findMany({
    where: { projectId, name: "user_feedback", comment: { not: null }, createdAt: { gte: q.from, lt: q.to } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: q.limit,
    select: { traceId: true, numberValue: true, comment: true, createdAt: true },
  });
  const traces = await db.trace.findMany({
    where: { projectId, id: { in: [...new Set(rows.map((r) => r.traceId))] } },
    select: { id: true, traceName: true, rootName: true, firstName: true },
  });
  const names = new Map(traces.map((t) => [t.id, t.traceName ?? t.rootName ?? t.firstName]));
  return rows.map((r) => ({ traceId: r.traceId, traceName: names.get(r.traceId) ?? null, value: r.numberValue === 1 ? "up" : "down", comment: r.comment, createdAt: r.createdAt }));
}
