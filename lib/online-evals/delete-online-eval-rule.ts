import "server-only";
import { writeAuditLog } from "../audit/write-audit-log";
import { db } from "../db";
import { toJsonValue } from "../json";
import { type Actor, actorColumns, auditSnapshot, requireRule, viewOf } from "./rule-rows";

/** Removes a rule (by id in the UI, by name in the public API). The scores it wrote stay: they are facts about traces; its attempt rows go with it (cascade). */
export async function deleteOnlineEvalRule(options: { project: { id: string; orgId: string }; actor: Actor; ruleId?: string; name?: string }) {
  const { project } = options;
  await db.$transaction(async (tx) => {
    const row = await requireRule({ projectId: project.id, ruleId: options.ruleId, name: options.name, tx });
    await tx.onlineEvalRule.delete({ where: { projectId_id: { projectId: project.id, id: row.id } } });
    await writeAuditLog(tx, {
      orgId: project.orgId, projectId: project.id, ...actorColumns(options.actor),
      action: "online_eval.delete", resourceType: "online_eval_rule", resourceId: row.id, before: toJsonValue(auditSnapshot(viewOf(row))),
    });
  });
}
