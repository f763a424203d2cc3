import "server-only";
import { db } from "../db";

/** Runs still queued or running, in every project (the resume sweep; pg-boss jobs hold no state of their own). */
export async function unfinishedRuns(): Promise<{ projectId: string; runId: string }[]> {
  const rows = await db.run.findMany({ where: { status: { in: ["queued", "running"] } }, select: { projectId: true, id: true }, take: 1000 });
  return rows.map((r) => ({ projectId: r.projectId, runId: r.id }));
}
