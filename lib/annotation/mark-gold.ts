import { db } from "../db";
import { AppError } from "../errors";
import type { Choice } from "../schemas/annotation";

/** A lead marks (or unmarks) a pair's known answer; annotators are never told which pairs are gold. */
export async function markGold(options: { projectId: string; queueId: string; pairId: string; choice: Choice | null }) {
  const updated = await db.preferencePair.updateMany({ where: { projectId: options.projectId, queueId: options.queueId, id: options.pairId }, data: { goldChoice: options.choice } });
  if (!updated.count) throw new AppError("NOT_FOUND", "Pair not found");
  return { id: options.pairId, goldChoice: options.choice };
}
