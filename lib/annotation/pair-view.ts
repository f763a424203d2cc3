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

/**
 * Mine: my judgments here. The queue's: judgments toward k per pair (extra imported ones not
 * counted), read from the counters triggers keep on the queue row rather than from every pair.
 */
export async function queueProgress(options: { projectId: string; queueId: string; userId: string; k: number }): Promise<QueueProgress> {
  const [mine, queue] = await Promise.all([
    db.judgment.count({ where: { projectId: options.projectId, queueId: options.queueId, annotatorId: options.userId } }),
    db.annotationQueue.findUnique({ where: { projectId_id: { projectId: options.projectId, id: options.queueId } }, select: { pairCount: true, judgmentsDone: true } }),
  ]);
  const pairs = queue?.pairCount ?? 0;
  return { mine, done: queue?.judgmentsDone ?? 0, wanted: pairs * options.k, pairs };
}
