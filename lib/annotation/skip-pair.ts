import type { Role } from "../auth/permissions";
import { db } from "../db";
import { AppError } from "../errors";
import { requireJudgeAccess } from "./queue-access";

/** The annotator passes on a pair: its slot frees for others and it never comes back to them. */
export async function skipPair(options: { projectId: string; queueId: string; userId: string; role: Role; pairId: string }) {
  const { projectId, queueId, userId, pairId } = options;
  await requireJudgeAccess(options);
  const pair = await db.preferencePair.findFirst({ where: { projectId, id: pairId, queueId }, select: { id: true } });
  if (!pair) throw new AppError("NOT_FOUND", "Pair not found");
  const updated = await db.annotationLease.updateMany({ where: { projectId, pairId, userId, state: "leased" }, data: { state: "skipped" } });
  if (!updated.count) throw new AppError("CONFLICT", "This pair is not leased to you");
  return { skipped: pairId };
}
