import { writeAuditLog } from "../audit/write-audit-log";
import { db } from "../db";
import { AppError } from "../errors";
import { evaluateChangeRequest, lockChangeRequest, memberRoles, serializeChangeRequest } from "./change-request-rows";
import { mergeLocked } from "./merge-locked";
import type { LabelMove } from "./move-label";
import { auditActor, type ProjectRef, requirePrompt, TX_OPTIONS } from "./prompt-rows";
import { dispatchReleaseEvents } from "./release-events";

const OVERRIDERS = new Set(["owner", "admin"]);

/**
 * Lifts the run gate of one open change request: owners and admins only, always with a reason,
 * audited as `prompt.gate.override` with the gate as it stood. Approvals still apply; with
 * autoMerge, an override that makes the policy hold merges through mergeLocked. A rebase drops it.
 */
export async function overrideRunGate(options: { project: ProjectRef; userId: string; promptId: string; changeRequestId: string; reason: string }) {
  const { project, userId, promptId, changeRequestId } = options;
  const reason = options.reason.trim();
  if (!reason) throw new AppError("INVALID", "body.reason: is required: say why the gate is overridden");
  const prompt = await requirePrompt({ projectId: project.id, promptId });
  const actor = { userId };
  const move = await db.$transaction(async (tx) => {
    const role = (await memberRoles(tx, project, [userId])).get(userId) ?? null;
    if (!role || !OVERRIDERS.has(role)) throw new AppError("FORBIDDEN", `Only owners and admins can override a run gate; your role is ${role ?? "none"}`);
    const cr = await lockChangeRequest(tx, { projectId: project.id, promptId, changeRequestId });
    if (cr.status !== "open") throw new AppError("CONFLICT", `Change request ${cr.id} is already ${cr.status}`);
    const before = await evaluateChangeRequest(tx, project, cr);
    if (!before.gate.required) throw new AppError("CONFLICT", `Label ${cr.label}'s policy requires no passing run: there is no gate to override`);
    if (before.gate.state === "overridden") throw new AppError("CONFLICT", "The gate of this change request is already overridden");
    const updated = await tx.promptChangeRequest.update({
      where: { projectId_id: { projectId: project.id, id: cr.id } },
      data: { gateOverrideById: userId, gateOverrideReason: reason, gateOverriddenAt: new Date() },
    });
    const { blockers, override: _override, ...gate } = before.gate;
    await writeAuditLog(tx, {
      orgId: project.orgId, projectId: project.id, ...auditActor(actor),
      action: "prompt.gate.override", resourceType: "prompt_change_request", resourceId: cr.id,
      before: { ...gate, blockers }, after: { state: "overridden", reason, label: cr.label, version: cr.version },
    });
    const after = await evaluateChangeRequest(tx, project, updated);
    let merged: LabelMove | null = null;
    if (after.policy.autoMerge && !after.stale && after.status.satisfied) merged = await mergeLocked(tx, { project, actor, cr: updated, promptName: prompt.name, automatic: true });
    return merged;
  }, TX_OPTIONS);
  await dispatchReleaseEvents(project.id, [move?.releaseEventId ?? null]);
  const cr = await db.promptChangeRequest.findUniqueOrThrow({ where: { projectId_id: { projectId: project.id, id: changeRequestId } } });
  return { changeRequest: serializeChangeRequest(cr, await evaluateChangeRequest(db, project, cr)), move };
}
