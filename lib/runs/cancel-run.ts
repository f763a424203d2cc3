import "server-only";
import { db } from "../db";
import { AppError } from "../errors";
import { finishRun } from "./finish-run";
import { requireRun } from "./require-run";

/**
 * Cancels a queued or running run: no new item is claimed after this commits (claims join the
 * run and require `running`); calls already in flight may finish and are counted. The summary
 * is written by the executor once they have, or here when none is in flight.
 */
export async function cancelRun(options: { projectId: string; runId: string }) {
  const { projectId, runId } = options;
  const run = await requireRun({ projectId, runId });
  const n = await db.run.updateMany({ where: { projectId, id: runId, status: { in: ["queued", "running"] } }, data: { status: "cancelled", cancelledAt: new Date() } });
  if (n.count === 0) throw new AppError("CONFLICT", `Run ${runId} has already ${run.status === "cancelled" ? "been cancelled" : `finished (${run.status})`}`);
  await finishRun({ projectId, runId });
  return { id: runId, status: "cancelled" };
}
