import { db } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import { OutboundBlockedError, outboundFetch } from "../security/outbound";
import { webhookPayload } from "./webhook-payload";

export const MAX_DELIVERY_ATTEMPTS = 5;
const TIMEOUT_MS = 10_000;

export type DeliveryResult = { ok: boolean; status?: number; error?: string; retry: boolean };

/**
 * POSTs one alert event to its rule's webhook and records the attempt. A failure before
 * the last attempt asks the caller (the job queue) to retry with backoff.
 */
export async function deliverAlertEvent(options: { projectId: string; eventId: string; baseUrl?: string }): Promise<DeliveryResult> {
  const { projectId, eventId } = options;
  const event = await db.alertEvent.findUnique({ where: { projectId_id: { projectId, id: eventId } } });
  if (!event) throw new AppError("NOT_FOUND", "Alert event not found");
  if (event.deliveryStatus === "delivered") return { ok: true, retry: false };
  const [rule, project] = await Promise.all([
    db.alertRule.findUnique({ where: { projectId_id: { projectId, id: event.ruleId } } }),
    db.project.findUnique({ where: { id: projectId }, select: { id: true, name: true } }),
  ]);
  if (!rule || !project) return { ok: false, error: "rule or project deleted", retry: false };

  const attempt = event.deliveryAttempts + 1;
  const payload = webhookPayload({ project, rule, event, baseUrl: options.baseUrl ?? env().NEXTAUTH_URL ?? "http://localhost:3000" });
  let result: DeliveryResult;
  try {
    // No redirects are followed: a 3xx counts as a failed delivery.
    const res = await outboundFetch(rule.webhookUrl, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "Pharos-Alerts/1" },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(TIMEOUT_MS),
      maxBytes: 64 * 1024,
    });
    result = res.ok ? { ok: true, status: res.status, retry: false } : { ok: false, status: res.status, error: `webhook answered ${res.status}`, retry: true };
  } catch (error) {
    // A refused address stays refused: retrying cannot help.
    const blocked = error instanceof OutboundBlockedError;
    result = { ok: false, error: blocked ? `webhook refused: ${error.message}` : `webhook unreachable: ${(error as Error).message}`, retry: !blocked };
  }
  if (result.ok || event.kind === "test") result.retry = false;
  if (!result.ok && attempt >= MAX_DELIVERY_ATTEMPTS) result.retry = false;
  await db.alertEvent.update({
    where: { projectId_id: { projectId, id: eventId } },
    data: {
      deliveryAttempts: attempt,
      deliveryStatus: result.ok ? "delivered" : result.retry ? "pending" : "failed",
      lastError: result.ok ? null : result.error,
      deliveredAt: result.ok ? new Date() : null,
    },
  });
  return result;
}
