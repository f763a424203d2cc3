import type { Role } from "../auth/permissions";
import { db } from "../db";
import { AppError } from "../errors";
import { annotatorPair, queueProgress } from "./pair-view";
import { requireJudgeAccess } from "./queue-access";
import { scoreIdPrefix } from "./rate-item";

/**
 * Takes back the annotator's own latest judgment in the queue (the page sends the id it made
 * this session): the judgment goes, the pair is leased to them again and comes back on screen
 * the same way round. Anything but their latest is refused, so undo cannot rewrite history.
 */
export async function undoJudgment(options: { projectId: string; queueId: string; userId: string; role: Role; judgmentId: string }) {
  const { projectId, queueId, userId } = options;
  const queue = await requireJudgeAccess(options);
  const latest = await db.judgment.findFirst({
    where: { projectId, queueId, annotatorId: userId, source: "ui" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, pairId: true },
  });
  if (!latest || latest.id !== options.judgmentId) throw new AppError("CONFLICT", "Only your latest judgment can be undone");
  await db.$transaction(async (tx) => {
    await tx.$queryRaw`select id from preference_pairs where project_id = ${projectId} and id = ${latest.pairId} for update`;
    const gone = await tx.judgment.deleteMany({ where: { projectId, id: latest.id, annotatorId: userId } });
    if (!gone.count) throw new AppError("CONFLICT", "That judgment was already undone");
    await tx.preferencePair.update({ where: { projectId_id: { projectId, id: latest.pairId } }, data: { judgmentCount: { decrement: 1 } } });
    // A rating's scores on the trace go with it.
    await tx.score.deleteMany({ where: { projectId, source: "annotation", id: { startsWith: scoreIdPrefix(latest.id) } } });
    await tx.$executeRaw`
      update annotation_leases set state = 'leased', expires_at = now() + ${queue.leaseSeconds} * interval '1 second'
      where project_id = ${projectId} and pair_id = ${latest.pairId} and user_id = ${userId}`;
  });
  return {
    pair: await annotatorPair({ projectId, pairId: latest.pairId, userId, single: queue.kind === "items" }),
    progress: await queueProgress({ projectId, queueId, userId, k: queue.judgmentsPerPair }),
  };
}
