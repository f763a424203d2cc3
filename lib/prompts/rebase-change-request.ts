import { writeAuditLog } from "../audit/write-audit-log";
import { db } from "../db";
import { AppError } from "../errors";
import { evaluateChangeRequest, lockChangeRequest, serializeChangeRequest } from "./change-request-rows";
import { auditActor, type ProjectRef, TX_OPTIONS } from "./prompt-rows";
import { resolvePolicy } from "./resolve-policy";
import { startGateRuns } from "./start-gate-runs";

/**
 * Re-opens a stale change request against the label's current version and revision. Reviews
 * of earlier rounds stop counting: the reviewers approved a change from another base. The gate's
 * runs start again too (against the new base version), and an earlier gate override is dropped.
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
      data: { baseVersion, baseRevision: revision, round: locked.round + 1, gateRunId: null, gateBaselineRunId: null, gateError: null, gateOverrideById: null, gateOverrideReason: null, gateOverriddenAt: null },
    });
    await writeAuditLog(tx, {
      orgId: project.orgId, projectId: project.id, ...auditActor({ userId }),
      action: "prompt.change_request.rebase", resourceType: "prompt_change_request", resourceId: locked.id,
      before: { baseVersion: locked.baseVersion, baseRevision: locked.baseRevision, round: locked.round },
      after: { baseVersion, baseRevision: revision, round: updated.round },
    });
    return updated;
  }, TX_OPTIONS);
  const policy = await resolvePolicy({ projectId: project.id, promptId, label: cr.label });
  if (policy.requirePassingRun) await startGateRuns({ project, actor: { userId }, cr, policy });
  const fresh = await db.promptChangeRequest.findUniqueOrThrow({ where: { projectId_id: { projectId: project.id, id: cr.id } } });
  return { changeRequest: serializeChangeRequest(fresh, await evaluateChangeRequest(db, project, fresh)) };
}
