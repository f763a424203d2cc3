import { db } from "../db";
import { AppError } from "../errors";
import { evaluateChangeRequest, serializeChangeRequest } from "./change-request-rows";
import { type ProjectRef, requirePrompt, serializeVersion } from "./prompt-rows";

/**
 * One change request with what a reviewer needs: the proposed version and the label's base
 * version (both in full, for the side-by-side diff), every review of every round, and the
 * approval status under the label's policy.
 */
export async function getChangeRequest(options: { project: ProjectRef; promptId: string; changeRequestId: string }) {
  const { project, promptId, changeRequestId } = options;
  const prompt = await requirePrompt({ projectId: project.id, promptId });
  const cr = await db.promptChangeRequest.findUnique({ where: { projectId_id: { projectId: project.id, id: changeRequestId } } });
  if (!cr || cr.promptId !== promptId) throw new AppError("NOT_FOUND", `Change request ${changeRequestId} not found`);
  const versions = await db.promptVersion.findMany({ where: { projectId: project.id, promptId, version: { in: [cr.version, ...(cr.baseVersion ? [cr.baseVersion] : [])] } } });
  const reviews = await db.promptReview.findMany({ where: { projectId: project.id, changeRequestId: cr.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const proposed = versions.find((v) => v.version === cr.version);
  const base = versions.find((v) => v.version === cr.baseVersion);
  return {
    prompt: { id: prompt.id, name: prompt.name, type: prompt.type },
    changeRequest: serializeChangeRequest(cr, await evaluateChangeRequest(db, project, cr)),
    proposed: proposed ? serializeVersion(proposed) : null,
    base: base ? serializeVersion(base) : null,
    reviews: reviews.map((r) => ({ id: r.id, reviewerId: r.reviewerId, verdict: r.verdict, body: r.body, round: r.round, createdAt: r.createdAt.toISOString() })),
  };
}
