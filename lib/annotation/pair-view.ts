import { db } from "../db";
import { leftSideFor } from "./screen-side";

/**
 * A pair as one annotator sees it: prompt, and the two responses as left/right in that
 * annotator's (deterministic) order. Neither the A/B mapping nor a gold answer is sent.
 */
export type AnnotatorPair = { id: string; prompt: unknown; left: string; right: string };

export async function annotatorPair(options: { projectId: string; pairId: string; userId: string; single?: boolean }): Promise<AnnotatorPair> {
  const p = await db.preferencePair.findUniqueOrThrow({
    where: { projectId_id: { projectId: options.projectId, id: options.pairId } },
    select: { id: true, prompt: true, responseA: true, responseB: true },
  });
  // A single item has one response: always shown as `left`.
  if (options.single) return { id: p.id, prompt: p.prompt, left: p.responseA, right: "" };
  const leftIsA = leftSideFor(p.id, options.userId) === "A";
  return { id: p.id, prompt: p.prompt, left: leftIsA ? p.responseA : p.responseB, right: leftIsA ? p.responseB : p.responseA };
}

export type QueueProgress = { mine: number; done: number; wanted: number; pairs: number };

/** Mine: my judgments here. The queue's: judgments toward k per pair (extra imported ones not counted). */
export async function queueProgress(options: { projectId: string; queueId: string; userId: string; k: number }): Promise<QueueProgress> {
  const [mine, totals] = await Promise.all([
    db.judgment.count({ where: { projectId: options.projectId, queueId: options.queueId, annotatorId: options.userId } }),
    db.$queryRaw<Array<{ pairs: bigint; done: bigint }>>`
      select count(*) as pairs, coalesce(sum(least(judgment_count, ${options.k})), 0) as done
      from preference_pairs where project_id = ${options.projectId} and queue_id = ${options.queueId}`,
  ]);
  const pairs = Number(totals[0]?.pairs ?? 0);
  return { mine, done: Number(totals[0]?.done ?? 0), wanted: pairs * options.k, pairs };
}
