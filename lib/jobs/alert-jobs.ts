import type PgBoss from "pg-boss";
import { deliverAlertEvent } from "../alerts/deliver-alert";
import { evaluateAlerts } from "../alerts/evaluate-alerts";
import { DELIVERY_OPTIONS, QUEUES } from "./boss";

/** Alert evaluation every minute and webhook delivery with retries (worker process). */
export async function registerAlertJobs(boss: PgBoss, options: { schedule?: boolean } = {}) {
  if (options.schedule !== false) await boss.schedule(QUEUES.evaluateAlerts, "* * * * *");
  await boss.work(QUEUES.evaluateAlerts, async () => {
    for (const event of await evaluateAlerts()) await boss.send(QUEUES.deliverAlert, event, DELIVERY_OPTIONS);
  });
  await boss.work<{ projectId: string; eventId: string }>(QUEUES.deliverAlert, { pollingIntervalSeconds: 0.5 }, async ([job]) => {
    if (!job) return;
    const result = await deliverAlertEvent(job.data);
    // Throwing hands the job back to pg-boss, which retries it with exponential backoff.
    if (result.retry) throw new Error(result.error ?? "webhook delivery failed");
  });
}
