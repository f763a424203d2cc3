import type PgBoss from "pg-boss";
import { executeRun } from "../runs/execute-run";
import { unfinishedRuns } from "../runs/unfinished-runs";
import { RUN_JOB_OPTIONS } from "../runs/start-run";
import { QUEUES } from "./boss";

/**
 * Regression runs (worker process): one job per run executes its items (lib/runs/execute-run.ts);
 * every minute a sweep re-sends the job of every queued or running run, so a run whose worker
 * died resumes within a minute plus the item lease, not when pg-boss expires the dead job.
 * A duplicate job is harmless: executors of one run share its items through exclusive claims.
 */
export async function registerRunJobs(boss: PgBoss, options: { schedule?: boolean; batchSize?: number } = {}) {
  if (options.schedule !== false) await boss.schedule(QUEUES.resumeRuns, "* * * * *");
  await boss.work(QUEUES.resumeRuns, async () => {
    for (const run of await unfinishedRuns()) await boss.send(QUEUES.executeRun, run, RUN_JOB_OPTIONS);
  });
  await boss.work<{ projectId: string; runId: string }>(QUEUES.executeRun, { pollingIntervalSeconds: 0.5, batchSize: options.batchSize ?? 4 }, async (jobs) => {
    await Promise.all(jobs.map((job) => executeRun({ projectId: job.data.projectId, runId: job.data.runId })));
  });
}
