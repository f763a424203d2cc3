import { db } from "../db";
import { finalLabel } from "./final-label";
import { requireQueue } from "./queue-rows";

/** A page of the queue's pairs for a lead: judgments so far, gold answer and final label. */
export async function listPairs(options: { projectId: string; queueId: string; limit: number; cursor?: string }) {
  const { projectId, queueId } = options;
  const queue = await requireQueue({ projectId, queueId });
  const rows = await db.preferencePair.findMany({
    where: { projectId, queueId, ...(options.cursor ? { position: { gt: BigInt(options.cursor) } } : {}) },
    orderBy: { position: "asc" },
    take: options.limit + 1,
    select: {
      id: true, position: true, prompt: true, responseA: true, responseB: true, metadata: true, source: true, traceIds: true, runIds: true, promptVersions: true,
      goldChoice: true, adjudicatedChoice: true, createdAt: true, judgments: { select: { choice: true } },
    },
  });
  const page = rows.slice(0, options.limit);
  return {
    pairs: page.map(({ position: _p, judgments, ...p }) => ({
      ...p,
      judgments: judgments.length,
      final: finalLabel({ adjudicated: p.adjudicatedChoice, choices: judgments.map((j) => j.choice), k: queue.judgmentsPerPair }),
    })),
    nextCursor: rows.length > options.limit ? page[page.length - 1]!.position.toString() : null,
  };
}
