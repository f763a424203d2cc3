import { toJsonValue } from "../json";
import { writeAuditLog } from "../audit/write-audit-log";
import { db } from "../db";
import { AppError } from "../errors";
import { type Actor, auditActor, type ProjectRef, TX_OPTIONS } from "./prompt-rows";
import { resolvePolicy } from "./resolve-policy";

/** Removes a label's own policy row, so the project default (or the built-in default) governs again. Audited. */
export async function deletePromptPolicy(options: { project: ProjectRef; actor: Actor; promptId: string; label: string }) {
  const { project, actor, promptId, label } = options;
  return db.$transaction(async (tx) => {
    const before = await resolvePolicy({ projectId: project.id, promptId, label, tx });
    const { count } = await tx.promptPolicy.deleteMany({ where: { projectId: project.id, promptId, label } });
    if (count === 0) throw new AppError("NOT_FOUND", `No policy of its own for label ${label}`);
    const after = await resolvePolicy({ projectId: project.id, promptId, label, tx });
    await writeAuditLog(tx, {
      orgId: project.orgId, projectId: project.id, ...auditActor(actor),
      action: "prompt.policy.delete", resourceType: "prompt_policy", resourceId: `${promptId || "project"}:${label}`,
      before: toJsonValue(before), after: toJsonValue(after),
    });
    return after;
  }, TX_OPTIONS);
}
