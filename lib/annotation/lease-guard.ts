import type { Prisma } from "../generated/prisma/client";
import { AppError } from "../errors";

type Tx = Prisma.TransactionClient;

/**
 * Locks the pair row and checks the caller holds its lease, inside the transaction that will
 * store the verdict. Only the holder of the lease may judge; a lease that expired still counts
 * while the pair has a free slot (read under the lock), else 409.
 */
export async function lockLeasedPair(tx: Tx, o: { projectId: string; queueId: string; pairId: string; userId: string; k: number }) {
  const locked = await tx.$queryRaw<Array<{ id: string }>>`
    select id from preference_pairs where project_id = ${o.projectId} and id = ${o.pairId} and queue_id = ${o.queueId} for update`;
  if (!locked.length) throw new AppError("NOT_FOUND", "Pair not found");
  const lease = await tx.annotationLease.findUnique({ where: { projectId_pairId_userId: { projectId: o.projectId, pairId: o.pairId, userId: o.userId } } });
  if (!lease || lease.state !== "leased") {
    throw new AppError("CONFLICT", lease?.state === "done" ? "You already judged this pair" : "This pair is not leased to you; load the next pair");
  }
  if (lease.expiresAt <= new Date()) {
    const [row] = await tx.$queryRaw<Array<{ taken: number }>>`
      select p.judgment_count + (select count(*) from annotation_leases l where l.project_id = p.project_id and l.pair_id = p.id
        and l.state = 'leased' and l.expires_at > now() and l.user_id <> ${o.userId})::int as taken
      from preference_pairs p where p.project_id = ${o.projectId} and p.id = ${o.pairId}`;
    if ((row?.taken ?? 0) >= o.k) throw new AppError("CONFLICT", "Your lease on this pair expired and others took its place; load the next pair");
  }
}

/** The lease is done and the pair has one more judgment (same transaction as the judgment). */
export async function finishLease(tx: Tx, o: { projectId: string; pairId: string; userId: string }) {
  await tx.annotationLease.update({ where: { projectId_pairId_userId: o }, data: { state: "done" } });
  await tx.preferencePair.update({ where: { projectId_id: { projectId: o.projectId, id: o.pairId } }, data: { judgmentCount: { increment: 1 } } });
}
