import { writeAuditLog } from "../audit/write-audit-log";
import { db } from "../db";
import { AppError } from "../errors";
import { evaluateChangeRequest, lockChangeRequest, serializeChangeRequest } from "./change-request-rows";
import { mergeLocked } from "./merge-locked";
import type { LabelMove } from "./move-label";
import { type Actor, auditActor, type ProjectRef, requirePrompt, requireVersion, TX_OPTIONS } from "./prompt-rows";
import { dispatchReleaseEvents } from "./release-events";
import { startGateRuns } from "./start-gate-runs";

/**
 * Opens a change request: point `label` at `version`. It records the label's version and
 * revision now (its base), so a later move of the label makes it stale. An open request for the
 * same label and version is returned as is (CI may propose the same version twice). When the
 * label's policy needs no approval and says autoMerge, it merges at once; otherwise nothing moves.
 * When the policy requires a passing run, the gate's runs start after the request is committed
 * (start-gate-runs.ts) and the request cannot merge until they pass (or are overridden).
 */
export async function proposeLabelChange(options: { project: ProjectRef; actor: Actor; promptId: string; label: string; version: number; description?: string }) {
  const { project, actor, promptId, label, version } = options;
  const prompt = await requirePrompt({ projectId: project.id, promptId });
  await requireVersion({ projectId: project.id, promptId, version, field: "body.version" });
  const result = await db.$transaction(async (tx) => {
    const existing = await tx.promptChangeRequest.findFirst({ where: { projectId: project.id, promptId, label, version, status: "open" }, orderBy: { createdAt: "desc" } });
    if (existing) return { cr: existing, created: false, move: null as LabelMove | null, policy: null };
    const current = await tx.promptLabel.findUnique({ where: { projectId_promptId_label: { projectId: project.id, promptId, label } } });
    const baseVersion = current && current.revision > 0 ? current.version : null;
    if (baseVersion === version) throw new AppError("CONFLICT", `body.version: label ${label} already points at version ${version}`);
    const opened = await tx.promptChangeRequest.create({
      data: { projectId: project.id, promptId, label, version, baseVersion, baseRevision: current?.revision ?? 0, description: options.description || null, authorId: actor.userId, authorApiKey: actor.apiKey ?? null },
    });
    await writeAuditLog(tx, {
      orgId: project.orgId, projectId: project.id, ...auditActor(actor),
      action: "prompt.change_request.open", resourceType: "prompt_change_request", resourceId: opened.id,
      before: { label, version: baseVersion }, after: { prompt: prompt.name, label, version, baseRevision: opened.baseRevision },
    });
    const evaluation = await evaluateChangeRequest(tx, project, opened);
    if (!evaluation.policy.autoMerge || !evaluation.status.satisfied) return { cr: opened, created: true, move: null, policy: evaluation.policy };
    const locked = await lockChangeRequest(tx, { projectId: project.id, promptId, changeRequestId: opened.id });
    const move = await mergeLocked(tx, { project, actor, cr: locked, promptName: prompt.name, automatic: true });
    return { cr: { ...locked, status: "merged" }, created: true, move, policy: null };
  }, TX_OPTIONS);
  await dispatchReleaseEvents(project.id, [result.move?.releaseEventId ?? null]);
  if (result.policy?.requirePassingRun) await startGateRuns({ project, actor, cr: result.cr, policy: result.policy });
  const cr = await db.promptChangeRequest.findUniqueOrThrow({ where: { projectId_id: { projectId: project.id, id: result.cr.id } } });
  const evaluation = await evaluateChangeRequest(db, project, cr);
  return { changeRequest: serializeChangeRequest(cr, evaluation), created: result.created, move: result.move };
}
