import type { PromptChangeRequest } from "../generated/prisma/client";
import { AppError } from "../errors";
import { approverEligibility } from "./approval-status";
import { evaluateChangeRequest } from "./change-request-rows";
import { type LabelMove, moveLabel } from "./move-label";
import type { Actor, ProjectRef, Tx } from "./prompt-rows";

const MERGERS = new Set(["owner", "admin", "engineer"]);

/**
 * Merges a change request the caller has locked (lockChangeRequest), if and only if it is open,
 * not stale, and its label's policy holds now. Used by merge, auto-merge after an approval or
 * proposal, and canary promotion. The label moves through moveLabel at the request's base
 * revision, so it can never move twice or on top of a move the reviewers did not see.
 */
export async function mergeLocked(tx: Tx, options: { project: ProjectRef; actor: Actor; cr: PromptChangeRequest; promptName: string; automatic?: boolean }): Promise<LabelMove> {
  const { project, actor, cr } = options;
  if (cr.status !== "open") throw new AppError("CONFLICT", `Change request ${cr.id} is already ${cr.status}`);
  const evaluation = await evaluateChangeRequest(tx, project, cr, actor.userId ? [actor.userId] : []);
  if (evaluation.stale) {
    throw new AppError("CONFLICT", `Stale: label ${cr.label} moved since this change was opened (revision ${cr.baseRevision} → ${evaluation.labelRevision}); rebase it onto the current version`);
  }
  if (!evaluation.status.satisfied) throw new AppError("CONFLICT", `Cannot merge yet: ${evaluation.status.blockers.join("; ")}`);
  // Once the policy holds, an eligible approver or anyone who may propose may press merge.
  if (!options.automatic && actor.userId) {
    const role = evaluation.roles.get(actor.userId) ?? null;
    const approver = approverEligibility(evaluation.policy, { id: actor.userId, role }, []).eligible;
    if (!approver && !(role && MERGERS.has(role))) throw new AppError("FORBIDDEN", `Your role (${role ?? "none"}) cannot merge changes to ${cr.label}`);
  }
  const canary = await tx.promptLabel.findUnique({
    where: { projectId_promptId_label: { projectId: project.id, promptId: cr.promptId, label: cr.label } },
    select: { canaryId: true },
  });
  const active = canary?.canaryId ? await tx.promptCanary.findFirst({ where: { projectId: project.id, id: canary.canaryId, status: "active" }, select: { canaryVersion: true } }) : null;
  const move = await moveLabel(tx, {
    project, actor, promptName: options.promptName, promptId: cr.promptId, label: cr.label, toVersion: cr.version,
    kind: active?.canaryVersion === cr.version ? "canary_promote" : "merge", expectedRevision: cr.baseRevision, changeRequestId: cr.id,
  });
  await tx.promptChangeRequest.update({
    where: { projectId_id: { projectId: project.id, id: cr.id } },
    data: { status: "merged", mergedById: actor.userId, mergedAt: new Date() },
  });
  return move;
}
