import { db } from "../db";
import { evaluateChangeRequest, lockChangeRequest, serializeChangeRequest } from "./change-request-rows";
import { mergeLocked } from "./merge-locked";
import { type ProjectRef, requirePrompt, TX_OPTIONS } from "./prompt-rows";
import { dispatchReleaseEvents } from "./release-events";

/**
 * Merges an approved change request: the label moves exactly once however many merges race
 * (the request row is locked, then the label row at the request's base revision); the losers get 409.
 */
export async function mergeChangeRequest(options: { project: ProjectRef; userId: string; promptId: string; changeRequestId: string }) {
  const { project, userId, promptId, changeRequestId } = options;
  const prompt = await requirePrompt({ projectId: project.id, promptId });
  const move = await db.$transaction(async (tx) => {
    const cr = await lockChangeRequest(tx, { projectId: project.id, promptId, changeRequestId });
    return mergeLocked(tx, { project, actor: { userId }, cr, promptName: prompt.name });
  }, TX_OPTIONS);
  await dispatchReleaseEvents(project.id, [move.releaseEventId]);
  const cr = await db.promptChangeRequest.findUniqueOrThrow({ where: { projectId_id: { projectId: project.id, id: changeRequestId } } });
  return { changeRequest: serializeChangeRequest(cr, await evaluateChangeRequest(db, project, cr)), move };
}
