import type { z } from "zod";
import { writeAuditLog } from "../audit/write-audit-log";
import { db } from "../db";
import { AppError } from "../errors";
import { toJsonValue as asJson } from "../json";
import type { updateAlertRuleBody } from "../schemas/alerts";
import { assertOutboundUrl } from "../security/outbound";
import { isMaskedWebhookUrl, webhookUrlChange } from "../security/webhook-url";
import { alertRuleAuditSnapshot, alertRuleView } from "./alert-rule-view";

/**
 * Edits a rule (or mutes it). The webhook URL is write-only: an edit that omits it, or sends back
 * the masked form the API showed, keeps the stored URL; a new URL passes the outbound guard and
 * replaces it. The audit row has the rule before and after, webhooks masked, and says whether the
 * URL was replaced (two URLs can share a mask).
 */
export async function updateAlertRule(options: { project: { id: string; orgId: string }; ruleId: string; actorUserId: string; input: z.infer<typeof updateAlertRuleBody> }) {
  const { project, ruleId, input } = options;
  const { filters, webhookUrl, ...rest } = input;
  // A masked value is decided against the stored URL below; a new one is checked first (DNS, outside the transaction).
  if (webhookUrl !== undefined && !isMaskedWebhookUrl(webhookUrl)) await assertOutboundUrl(webhookUrl, "body.webhookUrl");
  return db.$transaction(async (tx) => {
    const existing = await tx.alertRule.findUnique({ where: { projectId_id: { projectId: project.id, id: ruleId } } });
    if (!existing) throw new AppError("NOT_FOUND", "Alert rule not found");
    const replace = webhookUrlChange({ stored: existing.webhookUrl, input: webhookUrl, field: "body.webhookUrl" }) === "set" && webhookUrl !== existing.webhookUrl;
    const rule = await tx.alertRule.update({
      where: { projectId_id: { projectId: project.id, id: ruleId } },
      data: { ...rest, ...(filters ? { filters: asJson(filters) } : {}), ...(replace ? { webhookUrl } : {}) },
    });
    await writeAuditLog(tx, {
      orgId: project.orgId, projectId: project.id, actorUserId: options.actorUserId, action: "alert_rule.update", resourceType: "alert_rule", resourceId: ruleId,
      before: asJson(alertRuleAuditSnapshot(existing)), after: asJson({ ...alertRuleAuditSnapshot(rule), webhookReplaced: replace }),
    });
    return alertRuleView(rule);
  });
}
