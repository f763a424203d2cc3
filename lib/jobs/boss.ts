// pg-boss: a Postgres-native job queue with cron schedules and retries with exponential
// backoff — no extra service to run (v10: the last line that supports Node 20).
import PgBoss from "pg-boss";

export const QUEUES = {
  evaluateAlerts: "evaluate-alerts", deliverAlert: "deliver-alert", rollupHours: "rollup-hours",
  embedSpans: "embed-spans", driftRefresh: "drift-refresh", computeDrift: "compute-drift",
} as const;

export const DELIVERY_OPTIONS = { retryLimit: 8, retryDelay: 2, retryBackoff: true } as const;

export async function startBoss(connectionString: string, options: { onError?: (e: Error) => void } = {}): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString, schema: "pgboss", max: 3 });
  boss.on("error", (e) => (options.onError ?? ((err: Error) => console.error("[pharos worker]", err.message)))(e));
  await boss.start();
  for (const queue of Object.values(QUEUES)) await boss.createQueue(queue);
  return boss;
}
