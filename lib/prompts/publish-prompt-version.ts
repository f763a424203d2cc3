import { db } from "../db";
import { AppError } from "../errors";
import type { CreatePromptVersionInput } from "../schemas/prompts";
import { createPromptVersion } from "./create-prompt-version";
import { proposeLabelChange } from "./propose-label-change";
import type { Actor } from "./prompt-rows";

/**
 * POST /api/public/prompts (CI): saves a version and, with `proposeFor`, opens a change request
 * for that label. It never moves a label a policy protects: the request merges at once only
 * when the label's policy needs no approval and says autoMerge — the same rule as in the UI.
 * When the label already points at the version, nothing is proposed.
 */
export async function publishPromptVersion(options: { projectId: string; actor: Actor; input: CreatePromptVersionInput; proposeFor?: string }) {
  const project = await db.project.findUnique({ where: { id: options.projectId }, select: { id: true, orgId: true } });
  if (!project) throw new AppError("NOT_FOUND", "Project not found");
  const saved = await createPromptVersion({ project, actor: options.actor, input: options.input });
  const result = { name: saved.prompt.name, version: saved.version.version, created: saved.created };
  if (!options.proposeFor) return result;
  const label = await db.promptLabel.findUnique({ where: { projectId_promptId_label: { projectId: project.id, promptId: saved.prompt.id, label: options.proposeFor } } });
  if (label && label.revision > 0 && label.version === saved.version.version) return { ...result, changeRequest: null, labelAlreadyAtVersion: true };
  const proposal = await proposeLabelChange({ project, actor: options.actor, promptId: saved.prompt.id, label: options.proposeFor, version: saved.version.version });
  const cr = proposal.changeRequest;
  return { ...result, changeRequest: { id: cr.id, label: cr.label, version: cr.version, status: cr.status, mergeable: cr.mergeable ?? false, approvals: cr.approvals, gate: cr.gate ?? null } };
}
