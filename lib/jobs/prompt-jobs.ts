import type PgBoss from "pg-boss";
import { checkCanaryGuards } from "../prompts/check-canary-guards";
import { deliverReleaseEvent } from "../prompts/deliver-release-event";
import { unsentReleaseEvents } from "../prompts/release-events";
import { DELIVERY_OPTIONS, QUEUES } from "./boss";

/**
 * Prompt releases (worker process): release-webhook delivery with retries, and every minute the
 * canary guard plus a sweep that re-sends release events whose first enqueue was lost.
 */
export async function registerPromptJobs(boss: PgBoss, options: { schedule?: boolean } = {}) {
  if (options.schedule !== false) await boss.schedule(QUEUES.checkCanaries, "* * * * *");
  await boss.work(QUEUES.checkCanaries, async () => {
    const ended = await checkCanaryGuards();
    for (const e of ended) console.log(`[pharos worker] canary ${e.canaryId} ended by its guard: ${e.reason}`);
    for (const event of await unsentReleaseEvents()) await boss.send(QUEUES.deliverReleaseEvent, { projectId: event.projectId, eventId: event.id }, DELIVERY_OPTIONS);
  });
  await boss.work<{ projectId: string; eventId: string }>(QUEUES.deliverReleaseEvent, { pollingIntervalSeconds: 0.5 }, async ([job]) => {
    if (!job) return;
    const result = await deliverReleaseEvent(job.data);
    // Throwing hands the job back to pg-boss, which retries it with exponential backoff.
    if (result.retry) throw new Error(result.error ?? "release webhook delivery failed");
  });
}
