import type { Prisma } from "../generated/prisma/client";
import { db } from "../db";
import { AppError } from "../errors";
import type { PairInput } from "../schemas/annotation";
import { requireQueue } from "./queue-rows";

type Tx = Prisma.TransactionClient;
export type PairSource = "api" | "import" | "run" | "traces" | "demo";

/** Inserts validated pairs in order (positions follow the array); returns their ids. */
export async function insertPairs(options: { tx: Tx; projectId: string; queueId: string; pairs: PairInput[]; source: PairSource }): Promise<string[]> {
  const { tx, projectId, queueId } = options;
  const ids: string[] = [];
  // createManyAndReturn keeps one round trip per chunk; order is the insert order (positions ascend).
  for (let i = 0; i < options.pairs.length; i += 1_000) {
    const rows = await tx.preferencePair.createManyAndReturn({
      data: options.pairs.slice(i, i + 1_000).map((p) => ({
        projectId, queueId, source: options.source,
        prompt: p.prompt as Prisma.InputJsonValue, responseA: p.responseA, responseB: p.responseB,
        metadata: (p.metadata ?? undefined) as Prisma.InputJsonValue | undefined,
        traceIds: p.traceIds ?? [], runIds: p.runIds ?? [], promptVersions: p.promptVersions ?? [], goldChoice: p.gold ?? null,
      })),
      select: { id: true, position: true },
    });
    ids.push(...rows.sort((a, b) => (a.position < b.position ? -1 : 1)).map((r) => r.id));
  }
  return ids;
}

/** Pairs into a queue, all in one transaction: the caller validated every pair, so one bad pair stores none. */
export async function addPairs(options: { projectId: string; queueId: string; pairs: PairInput[]; source: PairSource }) {
  const queue = await requireQueue({ projectId: options.projectId, queueId: options.queueId });
  if (queue.kind === "items" && options.source !== "traces") throw new AppError("INVALID", "This queue rates single items; add traces as items");
  const pairIds = await db.$transaction((tx) => insertPairs({ tx, ...options }), { timeout: 60_000 });
  return { pairIds };
}
