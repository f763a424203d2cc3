import { writeAuditLog } from "../audit/write-audit-log";
import type { Role } from "../auth/permissions";
import { db } from "../db";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import type { CanaryGuard } from "../schemas/prompts";
import { approverEligibility } from "./approval-status";
import { auditActor, notifyPromptChange, type ProjectRef, requirePrompt, requireVersion, TX_OPTIONS } from "./prompt-rows";
import { resolvePolicy } from "./resolve-policy";
import { serializeCanary } from "./canary-rows";

/**
 * Starts a canary: `version` for `percent` % of the label's calls. A canary is a partial label
 * move, so on a label whose policy requires approvals only a member that policy accepts as an
 * approver may start one. One active canary per label (checked under the label's row lock, and
 * by the unique partial index prompt_canaries_one_active). The label's version and revision do
 * not change; the fetch caches are notified.
 */
export async function startCanary(options: {
  project: ProjectRef; userId: string; role: Role; promptId: string; label: string; version: number; percent: number; guard?: CanaryGuard;
  /** Only for the demo seed, whose sample traffic lies in the past. */
  startedAt?: Date;
}) {
  const { project, userId, role, promptId, label, version } = options;
  await requirePrompt({ projectId: project.id, promptId });
  await requireVersion({ projectId: project.id, promptId, version, field: "body.version" });
  const policy = await resolvePolicy({ projectId: project.id, promptId, label });
  if (policy.requiredApprovals > 0) {
    const eligibility = approverEligibility(policy, { id: userId, role }, []);
    if (!eligibility.eligible) throw new AppError("FORBIDDEN", `You cannot start a canary on ${label}: ${eligibility.reason}`);
  }
  const canary = await db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ version: number; revision: number; canary_id: string | null }[]>`
      select version, revision, canary_id from prompt_labels where project_id = ${project.id} and prompt_id = ${promptId} and label = ${label} for update`;
    if (!row || row.revision === 0) throw new AppError("CONFLICT", `body.label: label ${label} points at no version yet; a canary needs a main version to compare with`);
    if (row.canary_id) throw new AppError("CONFLICT", `body.label: label ${label} already has an active canary (${row.canary_id}); end or promote it first`);
    if (row.version === version) throw new AppError("CONFLICT", `body.version: label ${label} already points at version ${version}`);
    const created = await tx.promptCanary.create({
      data: { projectId: project.id, promptId, label, baseVersion: row.version, canaryVersion: version, percent: options.percent, guard: (options.guard ?? undefined) as Prisma.InputJsonValue | undefined, startedById: userId, ...(options.startedAt ? { startedAt: options.startedAt } : {}) },
    });
    await tx.promptLabel.update({ where: { projectId_promptId_label: { projectId: project.id, promptId, label } }, data: { canaryId: created.id } });
    await writeAuditLog(tx, {
      orgId: project.orgId, projectId: project.id, ...auditActor({ userId }),
      action: "prompt.canary.start", resourceType: "prompt_canary", resourceId: created.id,
      after: { label, baseVersion: row.version, canaryVersion: version, percent: options.percent, guard: (options.guard ?? null) as Prisma.InputJsonValue },
    });
    await notifyPromptChange(tx, project.id);
    return created;
  }, TX_OPTIONS);
  return serializeCanary(canary);
}
