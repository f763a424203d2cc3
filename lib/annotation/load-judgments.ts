import { db } from "../db";

export type JudgmentRow = { pairId: string; annotatorId: string; choice: string; durationMs: number | null; rationale: string | null; createdAt: Date; leftSide: string | null; criteria: unknown };

/** Every judgment of a queue (stats need them all; a queue's judgments fit in memory at the sizes agreement is read at). */
export async function loadQueueJudgments(options: { projectId: string; queueId: string; pairIds?: string[] }): Promise<JudgmentRow[]> {
  return db.judgment.findMany({
    where: { projectId: options.projectId, queueId: options.queueId, ...(options.pairIds ? { pairId: { in: options.pairIds } } : {}) },
    select: { pairId: true, annotatorId: true, choice: true, durationMs: true, rationale: true, createdAt: true, leftSide: true, criteria: true },
    orderBy: { createdAt: "asc" },
  });
}
