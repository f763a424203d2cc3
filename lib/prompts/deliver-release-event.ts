import { db } from "../db";
import { OutboundBlockedError, outboundFetch } from "../security/outbound";

export const MAX_RELEASE_DELIVERY_ATTEMPTS = 5;
const TIMEOUT_MS = 10_000;

export type ReleaseDelivery = { ok: boolean; status?: number; error?: string; retry: boolean };

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
  let result: ReleaseDelivery;
  try {
    const res = await outboundFetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "Pharos-Releases/1" },
      body: JSON.stringify({ text, pharos: { id: event.id, kind: event.kind, project: project, createdAt: event.createdAt.toISOString(), ...payload } }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
      maxBytes: 64 * 1024,
    });
    result = res.ok ? { ok: true, status: res.status, retry: false } : { ok: false, status: res.status, error: `webhook answered ${res.status}`, retry: true };
  } catch (error) {
    const blocked = error instanceof OutboundBlockedError;
    result = { ok: false, error: blocked ? `webhook refused: ${error.message}` : `webhook unreachable: ${(error as Error).message}`, retry: !blocked };
  }
  if (!result.ok && attempt >= MAX_RELEASE_DELIVERY_ATTEMPTS) result.retry = false;
  await db.promptReleaseEvent.update({
    where: { projectId_id: { projectId, id: eventId } },
    data: { deliveryAttempts: attempt, deliveryStatus: result.ok ? "delivered" : result.retry ? "pending" : "failed", lastError: result.ok ? null : result.error, deliveredAt: result.ok ? new Date() : null },
  });
  return result;
}
