import { db } from "../db";
import { AppError } from "../errors";
import { deliverAlertEvent } from "./deliver-alert";

/** "Send test": records a test event and delivers it right away, once, reporting the outcome. */
export async function sendTestAlert(options: { project: { id: string }; ruleId: string }) {
  const rule = await db.alertRule.findUnique({ where: { projectId_id: { projectId: options.project.id, id: options.ruleId } } });
  if (!rule) throw new AppError("NOT_FOUND", "Alert rule not found");
  const event = await db.alertEvent.create({ data: { projectId: rule.projectId, ruleId: rule.id, kind: "test", value: rule.lastValue, threshold: rule.threshold } });
  const result = await deliverAlertEvent({ projectId: rule.projectId, eventId: event.id });
  return { eventId: event.id, delivered: result.ok, status: result.status ?? null, error: result.error ?? null };
}
