import { db } from "../db";
import { AppError } from "../errors";
import { mergeChangeRequest } from "./merge-change-request";
import { type ProjectRef } from "./prompt-rows";
import { proposeLabelChange } from "./propose-label-change";

/**
 * Promotes a canary under the label's SAME policy: it opens (or reuses) a change request for the
 * canary version on the label. When the policy already holds (no approvals required, or the
 * request is approved), it merges now, the label moves and the canary is marked `promoted`;
 * otherwise the open request is returned for review, and its merge will promote the canary.
 */
export async function promoteCanary(options: { project: ProjectRef; userId: string; promptId: string; canaryId: string }) {
  const { project, userId, promptId, canaryId } = options;
  const canary = await db.promptCanary.findFirst({ where: { projectId: project.id, id: canaryId, promptId } });
  if (!canary) throw new AppError("NOT_FOUND", `Canary ${canaryId} not found`);
  if (canary.status !== "active") throw new AppError("CONFLICT", `Canary ${canaryId} is already ${canary.status}`);
  const proposal = await proposeLabelChange({ project, actor: { userId }, promptId, label: canary.label, version: canary.canaryVersion, description: `Promote canary ${canaryId}` });
  const cr = proposal.changeRequest;
  if (cr.status === "merged") return { promoted: true, changeRequest: cr };
  if (!cr.mergeable) return { promoted: false, changeRequest: cr };
  const merged = await mergeChangeRequest({ project, userId, promptId, changeRequestId: cr.id });
  return { promoted: true, changeRequest: merged.changeRequest };
}
