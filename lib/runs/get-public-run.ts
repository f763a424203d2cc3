import "server-only";
import { requireRun } from "./require-run";
import { runProgress } from "./run-rows";
import type { RunSummary } from "./summarize-run";

/** The CI view of a run: status, progress, the summary's headline numbers and the verdict (null until finished). */
export async function getPublicRun(options: { projectId: string; runId: string }) {
  const run = await requireRun(options);
  const s = run.summary as RunSummary | null;
  const progress = runProgress(run);
  return {
    id: run.id,
    status: run.status,
    progress: { done: progress.done, total: progress.total, failed: progress.failed, cost: progress.cost, etaMs: progress.etaMs },
    summary: s && {
      passRate: s.passRate,
      evaluators: Object.fromEntries(Object.entries(s.evaluators).map(([k, e]) => [k, { mean: e.mean, passRate: e.passRate, required: e.required, met: e.met, ...(e.tiered ? { tiered: e.tiered } : {}), ...(e.flagged !== undefined ? { flagged: e.flagged } : {}) }])),
      latencyP50Ms: s.latencyP50Ms,
      latencyP95Ms: s.latencyP95Ms,
      cost: s.cost,
      failures: s.failures,
      judgeErrors: s.judgeErrors,
    },
    passed: run.passed,
    error: run.error,
  };
}
