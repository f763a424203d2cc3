import { db } from "../db";
import { AppError } from "../errors";
import { requirePrompt } from "./prompt-rows";

/**
 * A label's moves, newest first, and the versions it may be rolled back to (every version that
 * once held it, except the current one).
 */
export async function listLabelHistory(options: { projectId: string; promptId: string; label: string }) {
  const { projectId, promptId, label } = options;
  await requirePrompt({ projectId, promptId });
  const [current, moves] = await Promise.all([
    db.promptLabel.findUnique({ where: { projectId_promptId_label: { projectId, promptId, label } } }),
    db.promptLabelMove.findMany({ where: { projectId, promptId, label }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 500 }),
  ]);
  if (!current || current.revision === 0) throw new AppError("NOT_FOUND", `Label ${label} does not exist on this prompt`);
  const rollbackTargets = [...new Set(moves.map((m) => m.toVersion))].filter((v) => v !== current.version).sort((a, b) => b - a);
  return {
    label, version: current.version, revision: current.revision, canaryId: current.canaryId,
    rollbackTargets,
    moves: moves.map((m) => ({
      id: m.id, fromVersion: m.fromVersion, toVersion: m.toVersion, kind: m.kind, reason: m.reason, changeRequestId: m.changeRequestId,
      actorUserId: m.actorUserId, actorApiKey: m.actorApiKey, emergency: m.kind === "rollback", createdAt: m.createdAt.toISOString(),
    })),
  };
}
