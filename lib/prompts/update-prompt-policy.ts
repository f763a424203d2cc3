import { writeAuditLog } from "../audit/write-audit-log";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { toJsonValue } from "../json";
import { AppError } from "../errors";
import type { PolicyInput } from "../schemas/prompts";
import { type Actor, auditActor, type ProjectRef, requirePrompt, TX_OPTIONS } from "./prompt-rows";
import { checkRunGate } from "./check-run-gate";
import { resolvePolicy } from "./resolve-policy";

/**
 * Sets the policy of one label, for a prompt or (promptId "") as the project default.
 * Named approvers must be members of the project's org; a run gate must name a golden set, a
 * connection and evaluators that exist and parse (400s name the field). `runGate` omitted keeps
 * the stored gate. Audited with the rule before and after.
 */
export async function updatePromptPolicy(options: { project: ProjectRef; actor: Actor; promptId: string; label: string; policy: PolicyInput }) {
  const { project, actor, promptId, label, policy } = options;
  if (promptId) await requirePrompt({ projectId: project.id, promptId });
  if (policy.approverUserIds.length) {
    const members = await db.membership.findMany({ where: { orgId: project.orgId, userId: { in: policy.approverUserIds } }, select: { userId: true } });
    const known = new Set(members.map((m) => m.userId));
    const index = policy.approverUserIds.findIndex((id) => !known.has(id));
    if (index >= 0) throw new AppError("INVALID", `body.approverUserIds.${index}: ${policy.approverUserIds[index]} is not a member of this organization`);
  }
  if (policy.requiredApprovals > 0 && policy.approverRoles.length === 0 && policy.approverUserIds.length === 0) {
    throw new AppError("INVALID", "body.approverRoles: a policy that requires approvals must name who may approve (roles or members)");
  }
  if (policy.runGate) await checkRunGate({ projectId: project.id, gate: policy.runGate });
  return db.$transaction(async (tx) => {
    const before = await resolvePolicy({ projectId: project.id, promptId, label, tx });
    const stored = await tx.promptPolicy.findUnique({ where: { projectId_promptId_label: { projectId: project.id, promptId, label } }, select: { runGate: true } });
    const runGate = policy.runGate === undefined ? (stored?.runGate ?? null) : policy.runGate;
    if (policy.requirePassingRun && runGate === null) throw new AppError("INVALID", "body.runGate: required when requirePassingRun is on (dataset, evaluators, minPassRate)");
    const data = { ...policy, runGate: runGate === null ? Prisma.DbNull : toJsonValue(runGate), updatedById: actor.userId };
    await tx.promptPolicy.upsert({
      where: { projectId_promptId_label: { projectId: project.id, promptId, label } },
      create: { projectId: project.id, promptId, label, ...data },
      update: data,
    });
    const after = await resolvePolicy({ projectId: project.id, promptId, label, tx });
    await writeAuditLog(tx, {
      orgId: project.orgId, projectId: project.id, ...auditActor(actor),
      action: "prompt.policy.update", resourceType: "prompt_policy", resourceId: `${promptId || "project"}:${label}`,
      before: toJsonValue(before), after: toJsonValue(after),
    });
    return after;
  }, TX_OPTIONS);
}
