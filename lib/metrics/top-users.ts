import { db } from "../db";

/** Users (or tenants) by LLM cost over the range, from the trace summaries. */
export async function topUsers(options: { projectId: string; query: { from: Date; to: Date; limit: number } }) {
  const { projectId, query: q } = options;
  const rows = await db.trace.groupBy({
    by: ["userId"],
    where: { projectId, userId: { not: null }, startTime: { gte: q.from, lt: q.to } },
    _count: { _all: true },
    _sum: { totalCost: true, inputTokens: true, outputTokens: true, errorCount: true },
    orderBy: { _sum: { totalCost: "desc" } },
    take: q.limit,
  });
  return rows.map((r) => ({
    userId: r.userId!,
    traces: r._count._all,
    cost: r._sum.totalCost?.toNumber() ?? 0,
    inputTokens: Number(r._sum.inputTokens ?? 0),
    outputTokens: Number(r._sum.outputTokens ?? 0),
    errors: r._sum.errorCount ?? 0,
  }));
}
