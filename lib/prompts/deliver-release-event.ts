import { db } from "../db";
import { postWebhook, type WebhookDelivery } from "../security/post-webhook";

export const MAX_RELEASE_DELIVERY_ATTEMPTS = 5;

export type ReleaseDelivery = WebhookDelivery;

/**
 * POSTs one release event to the project's release webhook and records the attempt (the same
 * outbound guard and retry contract as alert webhooks: a failure before the last attempt asks
 * pg-boss to retry with backoff). Delivered events are not sent again.
 */
export async function deliverReleaseEvent(options: { projectId: string; eventId: string }): Promise<ReleaseDelivery> {
  const { projectId, eventId } = options;
  const event = await db.promptReleaseEvent.findUnique({ where: { projectId_id: { projectId, id: eventId } } });
  if (!event || event.deliveryStatus === "delivered" || event.deliveryStatus === "skipped") return { ok: true, retry: false };
  const [settings, project] = await Promise.all([
    db.projectSettings.findUnique({ where: { projectId }, select: { releaseWebhookUrl: true } }),
    db.project.findUnique({ where: { id: projectId }, select: { id: true, name: true } }),
  ]);
  const url = settings?.releaseWebhookUrl;
  if (!url || !project) {
    await db.promptReleaseEvent.update({ where: { projectId_id: { projectId, id: eventId } }, data: { deliveryStatus: "skipped", lastError: "no release webhook configured" } });
    return { ok: false, error: "no release webhook configured", retry: false };
  }
  const attempt = event.deliveryAttempts + 1;
  const payload = event.payload as Record<string, unknown>;
  const text = event.kind === "label_move"
    ? `Prompt ${(payload.prompt as { name?: string })?.name}: ${payload.label} → v${payload.version} (${payload.kind}${payload.reason ? `: ${payload.reason}` : ""})`
    : event.kind === "test"
      ? `Pharos release webhook test for ${project.name}: label moves and canary guard ends will be posted here`
      : `Prompt ${(payload.prompt as { name?: string })?.name}: canary on ${payload.label} ended by its guard (${payload.reason})`;
  const result: ReleaseDelivery = await postWebhook({ url, userAgent: "Pharos-Releases/1", body: { text, pharos: { id: event.id, kind: event.kind, project: project, createdAt: event.createdAt.toISOString(), ...payload } } });
  if (!result.ok && attempt >= MAX_RELEASE_DELIVERY_ATTEMPTS) result.retry = false;
  await db.promptReleaseEvent.update({
    where: { projectId_id: { projectId, id: eventId } },
    data: { deliveryAttempts: attempt, deliveryStatus: result.ok ? "delivered" : result.retry ? "pending" : "failed", lastError: result.ok ? null : result.error, deliveredAt: result.ok ? new Date() : null },
  });
  return result;
}
