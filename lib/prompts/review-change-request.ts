import { writeAuditLog } from "../audit/write-audit-log";
import { db } from "../db";
import { AppError } from "../errors";
import type { ReviewVerdict } from "../schemas/prompts";
import { approverEligibility } from "./approval-status";
import { evaluateChangeRequest, lockChangeRequest, serializeChangeRequest } from "./change-request-rows";
import { mergeLocked } from "./merge-locked";
import type { LabelMove } from "./move-label";
import { auditActor, type ProjectRef, requirePrompt, TX_OPTIONS } from "./prompt-rows";
import { dispatchReleaseEvents } from "./release-events";

/**
 * A review of an open change request: approve, request changes, or comment. Approving and
 * requesting changes are for eligible reviewers under the label's policy (403 with the reason
 * otherwise); any member who may review can comment. With autoMerge, the approval that makes the
 * policy hold also merges, in the same transaction.
 */
export async function reviewChangeRequest(options: { project: ProjectRef; userId: string; promptId: string; changeRequestId: string; verdict: ReviewVerdict; body?: string }) {
  const { project, userId, promptId, changeRequestId, verdict } = options;
  const prompt = await requirePrompt({ projectId: project.id, promptId });
  const actor = { userId };
  const result = await db.$transaction(async (tx) => {
    const cr = await lockChangeRequest(tx, { projectId: project.id, promptId, changeRequestId });
    if (cr.status !== "open") throw new AppError("CONFLICT", `Change request ${cr.id} is already ${cr.status}`);
    const before = await evaluateChangeRequest(tx, project, cr, [userId]);
    if (verdict !== "comment") {
      const eligibility = approverEligibility(before.policy, { id: userId, role: before.roles.get(userId) ?? null }, before.authors);
      if (!eligibility.eligible) throw new AppError("FORBIDDEN", `You cannot ${verdict === "approve" ? "approve" : "request changes on"} this change: ${eligibility.reason}`);
      if (before.stale) throw new AppError("CONFLICT", `Stale: label ${cr.label} moved since this change was opened; rebase it before reviewing`);
    }
    const review = await tx.promptReview.create({ data: { projectId: project.id, changeRequestId: cr.id, reviewerId: userId, verdict, body: options.body || null, round: cr.round } });
    const after = await evaluateChangeRequest(tx, project, cr);
    await writeAuditLog(tx, {
      orgId: project.orgId, projectId: project.id, ...auditActor(actor),
      action: `prompt.change_request.${verdict}`, resourceType: "prompt_change_request", resourceId: cr.id,
      before: { approvedBy: before.status.approvedBy, changesRequestedBy: before.status.changesRequestedBy },
      after: { reviewId: review.id, verdict, body: review.body, approvedBy: after.status.approvedBy, changesRequestedBy: after.status.changesRequestedBy },
    });
    let move: LabelMove | null = null;
    if (verdict === "approve" && after.policy.autoMerge && after.status.satisfied) move = await mergeLocked(tx, { project, actor, cr, promptName: prompt.name, automatic: true });
    return { review, move };
  }, TX_OPTIONS);
  await dispatchReleaseEvents(project.id, [result.move?.releaseEventId ?? null]);
  const cr = await db.promptChangeRequest.findUniqueOrThrow({ where: { projectId_id: { projectId: project.id, id: changeRequestId } } });
  return {
    review: { id: result.review.id, reviewerId: userId, verdict, body: result.review.body, round: result.review.round, createdAt: result.review.createdAt.toISOString() },
    changeRequest: serializeChangeRequest(cr, await evaluateChangeRequest(db, project, cr)),
    move: result.move,
  };
}
