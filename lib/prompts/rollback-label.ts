import { db } from "../db";
import { AppError } from "../errors";
import { moveLabel } from "./move-label";
import { type Actor, type ProjectRef, requirePrompt, TX_OPTIONS } from "./prompt-rows";
import { dispatchReleaseEvents } from "./release-events";

/**
 * The emergency path: points a label back at a version that once held it, bypassing approvals.
 * Owners and admins only (route permission `prompts:rollback`), always with a reason; the move
 * is recorded as `kind: "rollback"` and audited with `emergency: true`. Ends an active canary on the label.
 */
export async function rollbackLabel(options: { project: ProjectRef; actor: Actor; promptId: string; label: string; version: number; reason: string }) {
  const { project, actor, promptId, label, version } = options;
  const reason = options.reason.trim();
  if (!reason) throw new AppError("INVALID", "body.reason: is required: say why this is an emergency");
  const prompt = await requirePrompt({ projectId: project.id, promptId });
  const move = await db.$transaction(async (tx) => {
    const held = await tx.promptLabelMove.findFirst({ where: { projectId: project.id, promptId, label, toVersion: version }, select: { id: true } });
    if (!held) throw new AppError("INVALID", `body.version: version ${version} never held label ${label}; a rollback can only return to a version that did`);
    return moveLabel(tx, { project, actor, promptName: prompt.name, promptId, label, toVersion: version, kind: "rollback", reason });
  }, TX_OPTIONS);
  await dispatchReleaseEvents(project.id, [move.releaseEventId]);
  return { move };
}
