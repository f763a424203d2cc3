import { can, type Role } from "../auth/permissions";
import { db } from "../db";
import { listQueueRows } from "./queue-rows";

/** Queues a member may open: every queue for leads, only assigned ones for everyone else; with progress. */
export async function listQueues(options: { projectId: string; userId: string; role: Role }) {
  const manages = can(options.role, "annotation:manage");
  const queues = await listQueueRows({ projectId: options.projectId, memberId: manages ? undefined : options.userId });
  if (!queues.length) return { queues: [] };
  const ids = queues.map((q) => q.id);
  const [totals, mine] = await Promise.all([
    db.$queryRaw<Array<{ queue_id: string; pairs: bigint; judgments: bigint; capped: bigint }>>`
      select p.queue_id, count(*) as pairs, coalesce(sum(p.judgment_count), 0) as judgments,
             coalesce(sum(least(p.judgment_count, q.judgments_per_pair)), 0) as capped
      from preference_pairs p join annotation_queues q on q.project_id = p.project_id and q.id = p.queue_id
      where p.project_id = ${options.projectId} and p.queue_id = any(${ids}::text[]) group by p.queue_id`,
    db.judgment.groupBy({ by: ["queueId"], where: { projectId: options.projectId, queueId: { in: ids }, annotatorId: options.userId }, _count: { _all: true } }),
  ]);
  const t = new Map(totals.map((r) => [r.queue_id, r]));
  const m = new Map(mine.map((r) => [r.queueId, r._count._all]));
  return {
    queues: queues.map((q) => {
      const row = t.get(q.id);
      const pairs = Number(row?.pairs ?? 0);
      return {
        ...q,
        annotatorIds: manages ? q.annotatorIds : undefined,
        assigned: q.annotatorIds.includes(options.userId),
        pairs, judgments: Number(row?.judgments ?? 0), done: Number(row?.capped ?? 0), wanted: pairs * q.judgmentsPerPair, mine: m.get(q.id) ?? 0,
      };
    }),
  };
}
