import "server-only";
import { requireRun } from "./require-run";
import { serializeRun } from "./run-rows";

/** One run with its live progress and, once finished, its summary. */
export async function getRun(options: { projectId: string; runId: string }) {
  return serializeRun(await requireRun(options));
}
