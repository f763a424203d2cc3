/**
 * The background worker (started by `npm start` beside the web server): evaluates alert
 * rules every minute, delivers their webhooks with retries, keeps the hour rollups, embeds span
 * text, computes drift reports, checks canary guards, delivers release webhooks, executes regression runs scores sampled production traces (online evaluation), attaches or drops feedback that came before its trace, and keeps the daily span partitions and each project's retention. Jobs live in Postgres
 * (pg-boss), so several workers can run against one database safely.
 */
import { databaseUrl } from "../lib/env";
import { registerAlertJobs } from "../lib/jobs/alert-jobs";
import { registerDriftJobs } from "../lib/jobs/drift-jobs";
import { registerFeedbackJobs } from "../lib/jobs/feedback-jobs";
import { startBoss } from "../lib/jobs/boss";
import { registerPromptJobs } from "../lib/jobs/prompt-jobs";
import { registerRollupJobs } from "../lib/jobs/rollup-jobs";
import { registerOnlineEvalJobs } from "../lib/jobs/online-eval-jobs";
import { registerRateLimitJobs } from "../lib/jobs/rate-limit-jobs";
import { registerRetentionJobs } from "../lib/jobs/retention-jobs";
import { registerRunJobs } from "../lib/jobs/run-jobs";

let url: string;
try {
  url = databaseUrl();
} catch (error) {
  console.error(`[pharos worker] ${(error as Error).message}`);
  process.exit(1);
}

const boss = await startBoss(url);
await registerAlertJobs(boss);
await registerRollupJobs(boss);
await registerDriftJobs(boss);
await registerPromptJobs(boss);
await registerRunJobs(boss);
await registerOnlineEvalJobs(boss);
await registerFeedbackJobs(boss);
await registerRetentionJobs(boss);
await registerRateLimitJobs(boss);
console.log("[pharos worker] running: alert evaluation every minute, webhook delivery, hour rollups every 5 minutes, embeddings every 5 minutes, drift reports hourly, canary guards every minute, release webhooks, regression runs (resumed every minute), online evaluation every minute, pending feedback swept every 5 minutes, span partitions and retention hourly");

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void boss.stop({ graceful: true, wait: true, timeout: 10_000 }).finally(() => process.exit(0));
  });
}
