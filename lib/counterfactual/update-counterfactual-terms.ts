import { writeAuditLog } from "../audit/write-audit-log";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { toJsonValue } from "../json";
import { getCounterfactualTerms } from "./get-counterfactual-terms";
import type { CounterfactualTerms } from "./terms";

/**
 * Replaces the project's term list whole (validated by the caller), or resets it to the shipped
 * defaults (`reset`), with an audit row of before and after. Runs already started keep the pairs
 * pinned into their evaluator params at start; only runs started from now on see the change.
 */
export async function updateCounterfactualTerms(options: {
  project: { id: string; orgId: string };
  actor: { userId?: string | null; apiKeyId?: string | null };
  terms: CounterfactualTerms | null;
}) {
  const { project, terms } = options;
  await db.$transaction(async (tx) => {
    const before = await tx.projectSettings.findUnique({ where: { projectId: project.id }, select: { counterfactualTerms: true } });
    const value = terms === null ? Prisma.DbNull : toJsonValue(terms);
    await tx.projectSettings.upsert({ where: { projectId: project.id }, create: { projectId: project.id, counterfactualTerms: value }, update: { counterfactualTerms: value } });
    await writeAuditLog(tx, {
      orgId: project.orgId,
      projectId: project.id,
      actorUserId: options.actor.userId ?? null,
      actorApiKey: options.actor.apiKeyId ?? null,
      action: terms === null ? "project.counterfactual_terms.reset" : "project.counterfactual_terms.update",
      resourceType: "project",
      resourceId: project.id,
      ...(before?.counterfactualTerms != null ? { before: toJsonValue(before.counterfactualTerms) } : {}),
      ...(terms !== null ? { after: toJsonValue(terms) } : {}),
    });
  });
  return getCounterfactualTerms({ projectId: project.id });
}
