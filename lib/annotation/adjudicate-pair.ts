import { writeAuditLog } from "../audit/write-audit-log";
import { db } from "../db";
import { AppError } from "../errors";
import type { Choice } from "../schemas/annotation";

/** A lead sets (or, with null, clears) a pair's final label; audited. */
export async function adjudicatePair(options: { project: { id: string; orgId: string }; userId: string; queueId: string; pairId: string; choice: Choice | null; note?: string }) {
  const { project, queueId, pairId } = options;
  return db.$transaction(async (tx) => {
    const before = await tx.preferencePair.findFirst({ where: { projectId: project.id, queueId, id: pairId }, select: { adjudicatedChoice: true } });
    if (!before) throw new AppError("NOT_FOUND", "Pair not found");
    const pair = await tx.preferencePair.update({
      where: { projectId_id: { projectId: project.id, id: pairId } },
      data: { adjudicatedChoice: options.choice, adjudicatedById: options.choice ? options.userId : null, adjudicatedAt: options.choice ? new Date() : null, adjudicationNote: options.choice ? (options.note ?? null) : null },
      select: { id: true, adjudicatedChoice: true, adjudicationNote: true, adjudicatedAt: true },
    });
    await writeAuditLog(tx, {
      orgId: project.orgId, projectId: project.id, actorUserId: options.userId, action: "annotation_pair.adjudicate", resourceType: "preference_pair", resourceId: pairId,
      before: { choice: before.adjudicatedChoice }, after: { choice: options.choice, note: options.note ?? null },
    });
    return pair;
  });
}
