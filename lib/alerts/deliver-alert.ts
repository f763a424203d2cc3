import { db } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import { postWebhook, type WebhookDelivery } from "../security/post-webhook";
import { webhookPayload } from "./webhook-payload";

export const MAX_DELIVERY_ATTEMPTS = 5;

export type DeliveryResult = WebhookDelivery;

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
  const result: DeliveryResult = await postWebhook({ url: rule.webhookUrl, body: payload, userAgent: "Pharos-Alerts/1" });
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
