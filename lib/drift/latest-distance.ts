import "server-only";
import { db } from "../db";

/**
 * The `drift` alert measure: the latest window's centroid distance of the project's newest
 * finished unfiltered report per field and embedding model (the largest of them), or null
 * when no report finished in the last two days.
 */
export async function latestDriftDistance(projectId: string, now = new Date()): Promise<number | null> {
  const reports = await db.driftReport.findMany({
    where: { projectId, status: "done", completedAt: { gte: new Date(now.getTime() - 2 * 86_400_000) } },
    orderBy: { createdAt: "desc" },
    select: { field: true, model: true, distance: true, filters: true },
    take: 50,
  });
  const seen = new Set<string>();
  let max: number | null = null;
  for (const r of reports) {
    const key = `${r.field}\u0000${r.model}`;
    if (r.filters !== null || seen.has(key)) continue;
    seen.add(key);
    if (r.distance !== null) max = Math.max(max ?? 0, r.distance);
  }
  return max;
}
