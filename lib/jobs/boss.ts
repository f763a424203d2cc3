// pg-boss: a Postgres-native job queue with cron schedules and retries with exponential
// backoff — no extra service to run (v10: the last line that supports Node 20).
import PgBoss from "pg-boss";
import { env } from "../env";

export const QUEUES = {
  evaluateAlerts: "evaluate-alerts", deliverAlert: "deliver-alert", rollupHours: "rollup-hours",
  embedSpans: "embed-spans", driftRefresh: "drift-refresh", computeDrift: "compute-drift",
  checkCanaries: "check-canaries", deliverReleaseEvent: "deliver-release-event",
  executeRun: "execute-run", resumeRuns: "resume-runs", onlineEvals: "online-evals",
  sweepPendingFeedback: "sweep-pending-feedback", maintainSpans: "maintain-spans",
  sweepRateLimits: "sweep-rate-limits",
} as const;

export const DELIVERY_OPTIONS = { retryLimit: 8, retryDelay: 2, retryBackoff: true } as const;

/**
 * A started pg-boss with every queue created. The worker runs the full instance (polling,
 * maintenance, cron); the web process uses `sendOnly` to enqueue without any of that.
 */
export async function startBoss(connectionString: string, options: { onError?: (e: Error) => void; sendOnly?: boolean } = {}): Promise<PgBoss> {
  // pg-boss passes these through to its pg.Pool: a stopped database fails a poll instead of hanging it.
  const timeouts = { connectionTimeoutMillis: env().PHAROS_DB_CONNECT_TIMEOUT_MS, query_timeout: env().PHAROS_DB_QUERY_TIMEOUT_MS, keepAlive: true };
  const boss = new PgBoss({ connectionString, schema: "pgboss", ...timeouts, ...(options.sendOnly ? { max: 2, supervise: false, schedule: false } : { max: 3 }) } as PgBoss.ConstructorOptions);
  const prefix = options.sendOnly ? "[pharos jobs]" : "[pharos worker]";
  // pg-boss re-emits its pool's errors (a lost idle connection, a failed poll while the database
  // is away) here; it keeps polling and reconnects by itself, so logging is all there is to do.
  boss.on("error", (e) => (options.onError ?? ((err: Error) => console.error(prefix, err.message)))(e));
  await boss.start();
  for (const queue of Object.values(QUEUES)) await boss.createQueue(queue);
  return boss;
}
