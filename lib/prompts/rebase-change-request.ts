import { writeAuditLog } from "../audit/write-audit-log";
import { db } from "../db";
import { AppError } from "../errors";
import { evaluateChangeRequest, lockChangeRequest, serializeChangeRequest } from "./change-request-rows";
import { auditActor, type ProjectRef, TX_OPTIONS } from "./prompt-rows";

/**
 * Re-opens a stale change request against the label's current version and revision. Reviews
 * of earlier rounds stop counting: the reviewers approved a change from another base.
 */
export async function rebaseChangeRequest(options: { project: ProjectRef; userId: string; promptId: string; changeRequestId: string }) {
  const { project, userId, promptId, changeRequestId } = options;
  const cr = await db.$transaction(async (tx) => {
    const locked = await lockChangeRequest(tx, { projectId: project.id, promptId, changeRequestId });
    if (locked.status !== "open") throw new AppError("CONFLICT", `Change request ${locked.id} is already ${locked.status}`);
    const label = await tx.promptLabel.findUnique({ where: { projectId_promptId_label: { projectId: project.id, promptId, label: locked.label } } });
    const revision = label?.revision ?? 0;
    if (revision === locked.baseRevision) throw new AppError("CONFLICT", `Change request ${locked.id} is up to date with label ${locked.label}; nothing to rebase`);
    const baseVersion = label && label.revision > 0 ? label.version : null;
    if (baseVersion === locked.version) throw new AppError("CONFLICT", `Label ${locked.label} already points at version ${locked.version}; close this request instead`);
    const updated = await tx.promptChangeRequest.update({
      where: { projectId_id: { projectId: project.id, id: locked.id } },
      data: { baseVersion, baseRevision: revision, round: locked.round + 1 },
    });
    await writeAuditLog(tx, {
      orgId: project.orgId, projectId: project.id, ...auditActor({ userId }),
      action: "prompt.change_request.rebase", resourceType: "prompt_change_request", resourceId: locked.id,
      before: { baseVersion: locked.baseVersion, baseRevision: locked.baseRevision, round: locked.round },
      after: { baseVersion, baseRevision: revision, round: updated.round },
    });
    return updated;
  }, TX_OPTIONS);
  return { changeRequest: serializeChangeRequest(cr, await evaluateChangeRequest(db, project, cr)) };
}
