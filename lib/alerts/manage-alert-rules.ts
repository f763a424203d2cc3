import type { z } from "zod";
import { db } from "../db";
import { AppError } from "../errors";
import { toJsonValue as asJson } from "../json";
import { writeAuditLog } from "../audit/write-audit-log";
import type { createAlertRuleBody, updateAlertRuleBody } from "../schemas/alerts";
import { assertOutboundUrl } from "../security/outbound";

type Project = { id: string; orgId: string };

export function listAlertRules(projectId: string) {
  return db.alertRule.findMany({ where: { projectId }, orderBy: { createdAt: "asc" } });
}

export async function createAlertRule(options: { project: Project; actorUserId: string; input: z.infer<typeof createAlertRuleBody> }) {
  const { project, input } = options;
  await assertOutboundUrl(input.webhookUrl, "body.webhookUrl");
  return db.$transaction(async (tx) => {
    const rule = await tx.alertRule.create({ data: { projectId: project.id, ...input, filters: input.filters ? asJson(input.filters) : undefined, createdById: options.actorUserId } });
    await writeAuditLog(tx, { orgId: project.orgId, projectId: project.id, actorUserId: options.actorUserId, action: "alert_rule.create", resourceType: "alert_rule", resourceId: rule.id, after: asJson(input) });
    return rule;
  });
}

export async function updateAlertRule(options: { project: Project; ruleId: string; actorUserId: string; input: z.infer<typeof updateAlertRuleBody> }) {
  const { project, ruleId, input } = options;
  if (input.webhookUrl !== undefined) await assertOutboundUrl(input.webhookUrl, "body.webhookUrl");
  return db.$transaction(async (tx) => {
    const existing = await tx.alertRule.findUnique({ where: { projectId_id: { projectId: project.id, id: ruleId } } });
    if (!existing) throw new AppError("NOT_FOUND", "Alert rule not found");
    const { filters, ...rest } = input;
    const rule = await tx.alertRule.update({
      where: { projectId_id: { projectId: project.id, id: ruleId } },
      data: { ...rest, ...(filters ? { filters: asJson(filters) } : {}) },
    });
    await writeAuditLog(tx, { orgId: project.orgId, projectId: project.id, actorUserId: options.actorUserId, action: "alert_rule.update", resourceType: "alert_rule", resourceId: ruleId, after: asJson(input) });
    return rule;
  });
}

export async function deleteAlertRule(options: { project: Project; ruleId: string; actorUserId: string }) {
  const { project, ruleId } = options;
  await db.$transaction(async (tx) => {
    const deleted = await tx.alertRule.deleteMany({ where: { projectId: project.id, id: ruleId } });
    if (deleted.count === 0) throw new AppError("NOT_FOUND", "Alert rule not found");
    await writeAuditLog(tx, { orgId: project.orgId, projectId: project.id, actorUserId: options.actorUserId, action: "alert_rule.delete", resourceType: "alert_rule", resourceId: ruleId });
  });
}

export function listAlertEvents(projectId: string, limit: number) {
  return db.alertEvent.findMany({ where: { projectId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit });
}

/** "Send test": records a test event and delivers it right away, once, reporting the outcome. */
export async function sendTestAlert(options: { project: Project; ruleId: string }) {
  const { deliverAlertEvent } = await import("./deliver-alert");
  const rule = await db.alertRule.findUnique({ where: { projectId_id: { projectId: options.project.id, id: options.ruleId } } });
  if (!rule) throw new AppError("NOT_FOUND", "Alert rule not found");
  const event = await db.alertEvent.create({ data: { projectId: rule.projectId, ruleId: rule.id, kind: "test", value: rule.lastValue, threshold: rule.threshold } });
  const result = await deliverAlertEvent({ projectId: rule.projectId, eventId: event.id });
  return { eventId: event.id, delivered: result.ok, status: result.status ?? null, error: result.error ?? null };
}
