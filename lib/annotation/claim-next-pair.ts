import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import type { Role } from "../auth/permissions";
import { type AnnotatorPair, annotatorPair, queueProgress, type QueueProgress } from "./pair-view";
import { requireJudgeAccess } from "./queue-access";

const MAX_ATTEMPTS = 50;

/**
 * The next pair for this annotator, under a lease. A pair goes to at most k annotators: its
 * judgments plus unexpired leases of others stay below k. An annotator never gets a pair they
 * judged or skipped; an expired lease (an abandoned tab) frees its slot for anyone.
 *
 * Race for the last slot: candidates are locked `for update skip locked`, and the slot count is
 * read again under that lock in a fresh statement (read committed sees every lease committed by
 * whoever held the lock before), so two annotators can never both take it. `exclude` lets the
 * page prefetch a second pair while one is on screen; an unexpired lease this annotator already
 * holds (a reload) comes back first. When every candidate is locked by other claims at that
 * instant, the claim waits briefly and looks again rather than answer "nothing left".
 */
export async function claimNextPair(options: { projectId: string; queueId: string; userId: string; role: Role; exclude?: string[] }): Promise<{ pair: AnnotatorPair | null; progress: QueueProgress }> {
  const { projectId, queueId, userId } = options;
  const queue = await requireJudgeAccess(options);
  const exclude = options.exclude ?? [];
  const k = queue.judgmentsPerPair;
  const held = await db.annotationLease.findFirst({
    where: { projectId, queueId, userId, state: "leased", expiresAt: { gt: new Date() }, pairId: { notIn: exclude } },
    orderBy: { createdAt: "asc" },
    select: { pairId: true },
  });
  let pairId = held?.pairId ?? null;
  const candidate = (tx: Pick<typeof db, "$queryRaw">, lock: boolean) => tx.$queryRaw<Array<{ id: string }>>`
    select p.id from preference_pairs p
    where p.project_id = ${projectId} and p.queue_id = ${queueId} and p.judgment_count < ${k}
      and not (p.id = any(${exclude}::text[]))
      and not exists (select 1 from annotation_leases l where l.project_id = p.project_id and l.pair_id = p.id and l.user_id = ${userId}
                      and (l.state <> 'leased' or l.expires_at > now()))
      and not exists (select 1 from judgments j where j.project_id = p.project_id and j.pair_id = p.id and j.annotator_id = ${userId})
      and p.judgment_count + (select count(*) from annotation_leases l where l.project_id = p.project_id and l.pair_id = p.id
                              and l.state = 'leased' and l.expires_at > now() and l.user_id <> ${userId}) < ${k}
    order by p.position limit 1
    ${lock ? Prisma.sql`for update of p skip locked` : Prisma.empty}`;
  for (let attempt = 0; !pairId && attempt < MAX_ATTEMPTS; attempt++) {
    const outcome = await db.$transaction(async (tx) => {
      const id = (await candidate(tx, true))[0]?.id;
      // Nothing unlocked: either nothing is left, or another claim holds the row this moment.
      if (!id) return (await candidate(tx, false)).length ? { kind: "retry" as const } : { kind: "empty" as const };
      const [fresh] = await tx.$queryRaw<Array<{ taken: number }>>`
        select p.judgment_count + (select count(*) from annotation_leases l where l.project_id = p.project_id and l.pair_id = p.id
                                   and l.state = 'leased' and l.expires_at > now() and l.user_id <> ${userId})::int as taken
        from preference_pairs p where p.project_id = ${projectId} and p.id = ${id}`;
      if (!fresh || fresh.taken >= k) return { kind: "retry" as const };
      await tx.$executeRaw`
        insert into annotation_leases (project_id, pair_id, user_id, queue_id, state, expires_at, created_at)
        values (${projectId}, ${id}, ${userId}, ${queueId}, 'leased', now() + ${queue.leaseSeconds} * interval '1 second', now())
        on conflict (project_id, pair_id, user_id) do update set state = 'leased', expires_at = excluded.expires_at, created_at = now()`;
      return { kind: "claimed" as const, id };
    });
    if (outcome.kind === "empty") break;
    if (outcome.kind === "claimed") pairId = outcome.id;
    // Let the holder of the row commit before looking again.
    else await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));
  }
  const progress = await queueProgress({ projectId, queueId, userId, k });
  return { pair: pairId ? await annotatorPair({ projectId, pairId, userId, single: queue.kind === "items" }) : null, progress };
}
