import type { z } from "zod";
import { writeAuditLog } from "../audit/write-audit-log";
import { db } from "../db";
import { toJsonValue as asJson } from "../json";
import type { createAlertRuleBody } from "../schemas/alerts";
import { assertOutboundUrl } from "../security/outbound";
import { assertNotMaskedWebhookUrl } from "../security/webhook-url";
import { alertRuleAuditSnapshot, alertRuleView } from "./alert-rule-view";

export async function createAlertRule(options: { project: { id: string; orgId: string }; actorUserId: string; input: z.infer<typeof createAlertRuleBody> }) {
  const { project, input } = options;
  assertNotMaskedWebhookUrl(input.webhookUrl, "body.webhookUrl");
  await assertOutboundUrl(input.webhookUrl, "body.webhookUrl");
  return db.$transaction(async (tx) => {
    const rule = await tx.alertRule.create({ data: { projectId: project.id, ...input, filters: input.filters ? asJson(input.filters) : undefined, createdById: options.actorUserId } });
    await writeAuditLog(tx, { orgId: project.orgId, projectId: project.id, actorUserId: options.actorUserId, action: "alert_rule.create", resourceType: "alert_rule", resourceId: rule.id, after: asJson(alertRuleAuditSnapshot(rule)) });
    return alertRuleView(rule);
  });
}
