import type { z } from "zod";
import { writeAuditLog } from "../audit/write-audit-log";
import { db } from "../db";
import { AppError } from "../errors";
import { toJsonValue as asJson } from "../json";
import type { updateAlertRuleBody } from "../schemas/alerts";
import { assertOutboundUrl } from "../security/outbound";

export async function updateAlertRule(options: { project: { id: string; orgId: string }; ruleId: string; actorUserId: string; input: z.infer<typeof updateAlertRuleBody> }) {
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
