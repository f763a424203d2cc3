import { writeAuditLog } from "../audit/write-audit-log";
import { AppError } from "../errors";
import { type Actor, auditActor, notifyPromptChange, type ProjectRef, type Tx } from "./prompt-rows";
import { recordReleaseEvent } from "./release-events";

export type MoveKind = "merge" | "rollback" | "canary_promote" | "initial";

export type LabelMove = {
  id: string; promptId: string; label: string; fromVersion: number | null; toVersion: number; kind: MoveKind;
  reason: string | null; changeRequestId: string | null; revision: number; endedCanaryId: string | null;
  /** The release event to deliver once the transaction commits (null: no webhook configured). */
  releaseEventId: string | null;
};

/**
 * THE ONLY WRITER OF prompt_labels' version (lib/prompts/README.md). Inside the caller's
 * transaction: locks the label row (creating it at revision 0 on a first move, so racing first
 * moves also meet on one row), refuses a move based on an older revision (stale), points the
 * label at the version, bumps the revision, ends the label's active canary (or marks it promoted),
 * records the move, the audit row and the release event, and notifies the fetch caches on commit.
 */
export async function moveLabel(tx: Tx, options: {
  project: ProjectRef; actor: Actor; promptName: string; promptId: string; label: string; toVersion: number; kind: MoveKind;
  /** The revision the decision was made at (a change request's base): anything else is a 409. */
  expectedRevision?: number; reason?: string | null; changeRequestId?: string | null;
}): Promise<LabelMove> {
  const { project, actor, promptId, label, toVersion, kind } = options;
  await tx.$executeRaw`
    insert into prompt_labels (project_id, prompt_id, label, version, revision) values (${project.id}, ${promptId}, ${label}, ${toVersion}, 0)
    on conflict do nothing`;
  const [row] = await tx.$queryRaw<{ version: number; revision: number; canary_id: string | null }[]>`
    select version, revision, canary_id from prompt_labels where project_id = ${project.id} and prompt_id = ${promptId} and label = ${label} for update`;
  const current = row!;
  if (options.expectedRevision !== undefined && current.revision !== options.expectedRevision) {
    throw new AppError("CONFLICT", `Stale: label ${label} moved since this change was opened (revision ${options.expectedRevision} → ${current.revision}); rebase it onto the current version`);
  }
  const fromVersion = current.revision === 0 ? null : current.version;
  if (fromVersion === toVersion) throw new AppError("CONFLICT", `Label ${label} already points at version ${toVersion}`);

  let endedCanaryId: string | null = null;
  if (current.canary_id) {
    const promoted = kind === "canary_promote";
    const ended = await tx.promptCanary.updateMany({
      where: { projectId: project.id, id: current.canary_id, status: "active" },
      data: { status: promoted ? "promoted" : "ended", endedAt: new Date(), endedReason: promoted ? "promoted" : `label moved (${kind}) to version ${toVersion}` },
    });
    if (ended.count) endedCanaryId = current.canary_id;
  }
  const revision = current.revision + 1;
  await tx.promptLabel.update({
    where: { projectId_promptId_label: { projectId: project.id, promptId, label } },
    data: { version: toVersion, revision, canaryId: null, updatedAt: new Date() },
  });
  const move = await tx.promptLabelMove.create({
    data: {
      projectId: project.id, promptId, label, fromVersion, toVersion, kind, reason: options.reason ?? null,
      changeRequestId: options.changeRequestId ?? null, actorUserId: actor.userId, actorApiKey: actor.apiKey ?? null,
    },
  });
  const after = { label, version: toVersion, revision, kind, reason: options.reason ?? null, changeRequestId: options.changeRequestId ?? null, emergency: kind === "rollback", endedCanaryId };
  await writeAuditLog(tx, {
    orgId: project.orgId, projectId: project.id, ...auditActor(actor),
    action: `prompt.label.${kind}`, resourceType: "prompt_label", resourceId: `${promptId}:${label}`,
    before: { label, version: fromVersion, revision: current.revision }, after,
  });
  const releaseEventId = await recordReleaseEvent(tx, {
    projectId: project.id, kind: "label_move",
    payload: { event: "prompt.label.moved", prompt: { id: promptId, name: options.promptName }, fromVersion, moveId: move.id, actorUserId: actor.userId, actorApiKey: actor.apiKey ?? null, at: move.createdAt.toISOString(), ...after },
  });
  await notifyPromptChange(tx, project.id);
  return { id: move.id, promptId, label, fromVersion, toVersion, kind, reason: move.reason, changeRequestId: move.changeRequestId, revision, endedCanaryId, releaseEventId };
}
