import "server-only";
import { db } from "../db";
import { requireRun } from "./require-run";

/** A run's items in snapshot order, a page at a time (cursor: the last position seen). */
export async function listRunItems(options: { projectId: string; runId: string; status?: string; limit: number; cursor?: number }) {
  const { projectId, runId, limit } = options;
  await requireRun({ projectId, runId });
  const rows = await db.runItem.findMany({
    where: { projectId, runId, ...(options.status ? { status: options.status } : {}), ...(options.cursor !== undefined ? { position: { gt: options.cursor } } : {}) },
    orderBy: { position: "asc" },
    take: limit + 1,
    omit: { claimToken: true, leaseUntil: true },
  });
  const page = rows.slice(0, limit);
  return {
    items: page.map((i) => ({ ...i, cost: i.cost === null ? null : Number(i.cost) })),
    nextCursor: rows.length > limit ? page[page.length - 1]!.position : null,
  };
}
