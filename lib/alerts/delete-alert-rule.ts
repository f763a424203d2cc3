import { writeAuditLog } from "../audit/write-audit-log";
import { db } from "../db";
import { AppError } from "../errors";

export async function deleteAlertRule(options: { project: { id: string; orgId: string }; ruleId: string; actorUserId: string }) {
  const { project, ruleId } = options;
  await db.$transaction(async (tx) => {
    const deleted = await tx.alertRule.deleteMany({ where: { projectId: project.id, id: ruleId } });
    if (deleted.count === 0) throw new AppError("NOT_FOUND", "Alert rule not found");
    await writeAuditLog(tx, { orgId: project.orgId, projectId: project.id, actorUserId: options.actorUserId, action: "alert_rule.delete", resourceType: "alert_rule", resourceId: ruleId });
  });
}
