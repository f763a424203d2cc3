import "server-only";
import { db } from "../db";
import { AppError } from "../errors";

/** The run, or 404: ids from another project are simply not found. */
export async function requireRun(options: { projectId: string; runId: string }) {
  const run = await db.run.findUnique({ where: { projectId_id: { projectId: options.projectId, id: options.runId } } });
  if (!run) throw new AppError("NOT_FOUND", `Run ${options.runId} not found`);
  return run;
}
