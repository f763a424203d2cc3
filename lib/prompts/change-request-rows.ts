import { effectiveRole, type Role } from "../auth/permissions";
import type { PromptChangeRequest } from "../generated/prisma/client";
import { AppError } from "../errors";
import { type ApprovalStatus, approvalStatus } from "./approval-status";
import { type GateRunFact, type GateStatus, gateStatus } from "./gate-status";
import type { ProjectRef, Tx } from "./prompt-rows";
import { type EffectivePolicy, resolvePolicy } from "./resolve-policy";

/** Locks a change request for the rest of the transaction: reviews, merges, rebases and closes of one request run one at a time. */
export async function lockChangeRequest(tx: Tx, options: { projectId: string; promptId: string; changeRequestId: string }): Promise<PromptChangeRequest> {
  const { projectId, promptId, changeRequestId } = options;
  await tx.$queryRaw`select 1 from prompt_change_requests where project_id = ${projectId} and id = ${changeRequestId} and prompt_id = ${promptId} for update`;
  const cr = await tx.promptChangeRequest.findUnique({ where: { projectId_id: { projectId, id: changeRequestId } } });
  if (!cr || cr.promptId !== promptId) throw new AppError("NOT_FOUND", `Change request ${changeRequestId} not found`);
  return cr;
}

/** Each user's role in the project now (null: no longer a member), so a removed member's approval stops counting. */
export async function memberRoles(tx: Tx, project: ProjectRef, userIds: readonly string[]): Promise<Map<string, Role | null>> {
  const ids = [...new Set(userIds)];
  const [org, proj] = await Promise.all([
    tx.membership.findMany({ where: { orgId: project.orgId, userId: { in: ids } }, select: { userId: true, role: true } }),
    tx.projectMembership.findMany({ where: { projectId: project.id, userId: { in: ids } }, select: { userId: true, role: true } }),
  ]);
  const override = new Map(proj.map((p) => [p.userId, p.role]));
  const roles = new Map<string, Role | null>(ids.map((id) => [id, null]));
  for (const m of org) roles.set(m.userId, effectiveRole(m.role, override.get(m.userId)));
  return roles;
}

export type Evaluation = {
  policy: EffectivePolicy;
  /** Approvals and the run gate together: `satisfied` only when both hold, `blockers` from both. */
  status: ApprovalStatus;
  gate: GateStatus;
  authors: string[];
  labelVersion: number | null;
  labelRevision: number;
  stale: boolean;
  roles: Map<string, Role | null>;
};

/** Where a change request stands now: the label's policy, approvals of the current round, and whether the label moved since. */
export async function evaluateChangeRequest(tx: Tx, project: ProjectRef, cr: PromptChangeRequest, extraUserIds: readonly string[] = []): Promise<Evaluation> {
  const [policy, reviews, label, version] = await Promise.all([
    resolvePolicy({ projectId: project.id, promptId: cr.promptId, label: cr.label, tx }),
    tx.promptReview.findMany({ where: { projectId: project.id, changeRequestId: cr.id, round: cr.round }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { reviewerId: true, verdict: true } }),
    tx.promptLabel.findUnique({ where: { projectId_promptId_label: { projectId: project.id, promptId: cr.promptId, label: cr.label } }, select: { version: true, revision: true } }),
    tx.promptVersion.findUnique({ where: { projectId_promptId_version: { projectId: project.id, promptId: cr.promptId, version: cr.version } }, select: { authorId: true } }),
  ]);
  const authors = [...new Set([cr.authorId, version?.authorId].filter((a): a is string => Boolean(a)))];
  const roles = await memberRoles(tx, project, [...reviews.map((r) => r.reviewerId), ...extraUserIds]);
  const labelRevision = label?.revision ?? 0;
  const approvals = approvalStatus({ policy, reviews, roles, authors });
  const gate = gateStatus({ policy, baseVersion: cr.baseVersion, error: cr.gateError, ...(await gateRuns(tx, project, cr)), override: gateOverride(cr) });
  return {
    policy, authors, roles, gate,
    status: { ...approvals, satisfied: approvals.satisfied && gate.blockers.length === 0, blockers: [...approvals.blockers, ...gate.blockers] },
    labelVersion: label && label.revision > 0 ? label.version : null,
    labelRevision,
    stale: cr.status === "open" && labelRevision !== cr.baseRevision,
  };
}

async function gateRuns(tx: Tx, project: ProjectRef, cr: PromptChangeRequest): Promise<{ run: GateRunFact | null; baseline: GateRunFact | null }> {
  const ids = [cr.gateRunId, cr.gateBaselineRunId].filter((id): id is string => id !== null);
  if (!ids.length) return { run: null, baseline: null };
  const rows = await tx.run.findMany({ where: { projectId: project.id, id: { in: ids } }, select: { id: true, status: true, passed: true, summary: true, done: true, total: true, error: true } });
  const fact = (id: string | null): GateRunFact | null => {
    const r = rows.find((row) => row.id === id);
    if (!r) return null;
    const summary = r.summary as { passRate?: number; evaluators?: Record<string, { mean?: number | null }> } | null;
    const passRate = summary?.passRate;
    const means = Object.fromEntries(Object.entries(summary?.evaluators ?? {}).map(([key, e]) => [key, typeof e.mean === "number" ? e.mean : null]));
    return { id: r.id, status: r.status, passed: r.passed, passRate: typeof passRate === "number" ? passRate : null, done: r.done, total: r.total, error: r.error, means };
  };
  return { run: fact(cr.gateRunId), baseline: fact(cr.gateBaselineRunId) };
}

function gateOverride(cr: PromptChangeRequest) {
  return cr.gateOverrideReason && cr.gateOverriddenAt ? { byId: cr.gateOverrideById, reason: cr.gateOverrideReason, at: cr.gateOverriddenAt.toISOString() } : null;
}

export function serializeChangeRequest(cr: PromptChangeRequest, evaluation?: Evaluation) {
  return {
    id: cr.id, promptId: cr.promptId, label: cr.label, version: cr.version, baseVersion: cr.baseVersion, baseRevision: cr.baseRevision,
    status: cr.status, round: cr.round, description: cr.description, authorId: cr.authorId, authorApiKey: cr.authorApiKey,
    mergedById: cr.mergedById, mergedAt: cr.mergedAt?.toISOString() ?? null, closedAt: cr.closedAt?.toISOString() ?? null, createdAt: cr.createdAt.toISOString(),
    ...(evaluation
      ? {
          stale: evaluation.stale,
          labelVersion: evaluation.labelVersion,
          policy: evaluation.policy,
          approvals: evaluation.status,
          gate: evaluation.gate,
          mergeable: cr.status === "open" && !evaluation.stale && evaluation.status.satisfied,
        }
      : {}),
  };
}
export type ChangeRequestView = ReturnType<typeof serializeChangeRequest>;
