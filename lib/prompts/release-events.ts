import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { jobQueueSender } from "../db-job-queue";
import { DELIVERY_OPTIONS, QUEUES } from "../jobs/boss";
import type { Tx } from "./prompt-rows";

export type ReleaseEventKind = "label_move" | "canary_guard_ended";

/**
 * Writes a release event into the outbox, in the transaction of the change it reports, so a
 * committed move always has its event. Without a release webhook the event is kept as `skipped`
 * (nothing to deliver). Returns the id to dispatch after commit, or null.
 */
export async function recordReleaseEvent(tx: Tx, options: { projectId: string; kind: ReleaseEventKind; payload: Record<string, unknown> }): Promise<string | null> {
  const settings = await tx.projectSettings.findUnique({ where: { projectId: options.projectId }, select: { releaseWebhookUrl: true } });
  const deliver = Boolean(settings?.releaseWebhookUrl);
  const event = await tx.promptReleaseEvent.create({
    data: { projectId: options.projectId, kind: options.kind, payload: options.payload as Prisma.InputJsonValue, deliveryStatus: deliver ? "pending" : "skipped" },
    select: { id: true },
  });
  return deliver ? event.id : null;
}

/**
 * Hands committed events to the worker (pg-boss, retries with backoff). A failure to enqueue
 * loses nothing: the worker's minute sweep (lib/jobs/prompt-jobs.ts) re-sends pending events.
 */
export async function dispatchReleaseEvents(projectId: string, ids: readonly (string | null)[]): Promise<void> {
  for (const eventId of ids) {
    if (!eventId) continue;
    try {
      await (await jobQueueSender()).send(QUEUES.deliverReleaseEvent, { projectId, eventId }, DELIVERY_OPTIONS);
    } catch (error) {
      console.error("[pharos] could not enqueue release event; the worker's sweep will send it", (error as Error).message);
    }
  }
}

/**
 * Events never attempted two minutes after they were written: their enqueue was lost (a crash
 * between commit and send). Attempted ones are pg-boss's to retry, so the sweep leaves them.
 */
export async function unsentReleaseEvents(options: { olderThanMs?: number; limit?: number } = {}) {
  return db.promptReleaseEvent.findMany({
    where: { deliveryStatus: "pending", deliveryAttempts: 0, createdAt: { lt: new Date(Date.now() - (options.olderThanMs ?? 120_000)) } },
    select: { projectId: true, id: true },
    orderBy: { createdAt: "asc" },
    take: options.limit ?? 100,
  });
}
