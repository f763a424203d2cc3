import { db } from "../db";
import { finalLabel } from "./final-label";
import { loadQueueJudgments } from "./load-judgments";
import { emailsById, requireQueue } from "./queue-rows";

/**
 * Pairs whose annotators disagree (and pairs already adjudicated, so a lead can revisit them),
 * with every judgment, in the pair's A/B terms, and its rationale.
 */
export async function listDisagreements(options: { projectId: string; queueId: string; includeAdjudicated?: boolean }) {
  const { projectId, queueId } = options;
  const queue = await requireQueue({ projectId, queueId });
  const judgments = await loadQueueJudgments({ projectId, queueId });
  const byPair = new Map<string, typeof judgments>();
  for (const j of judgments) byPair.set(j.pairId, [...(byPair.get(j.pairId) ?? []), j]);
  const disputed = [...byPair.entries()].filter(([, js]) => new Set(js.map((j) => j.choice)).size > 1).map(([id]) => id);
  const pairs = await db.preferencePair.findMany({
    where: { projectId, queueId, OR: [{ id: { in: disputed } }, ...(options.includeAdjudicated === false ? [] : [{ adjudicatedChoice: { not: null } }])] },
    orderBy: { position: "asc" },
    select: { id: true, prompt: true, responseA: true, responseB: true, metadata: true, goldChoice: true, adjudicatedChoice: true, adjudicationNote: true, adjudicatedAt: true, traceIds: true, runIds: true, promptVersions: true },
  });
  const emails = await emailsById(judgments.map((j) => j.annotatorId));
  return {
    pairs: pairs.map((p) => {
      const js = byPair.get(p.id) ?? [];
      return {
        ...p,
        final: finalLabel({ adjudicated: p.adjudicatedChoice, choices: js.map((j) => j.choice), k: queue.judgmentsPerPair }),
        judgments: js.map((j) => ({ annotator: emails.get(j.annotatorId) ?? j.annotatorId, choice: j.choice, rationale: j.rationale, criteria: j.criteria, durationMs: j.durationMs, createdAt: j.createdAt })),
      };
    }),
  };
}
