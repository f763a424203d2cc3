import { db } from "../db";
import { agreementWithMajority, krippendorffAlphaNominal, pairwiseKappa } from "./agreement";
import { finalLabel } from "./final-label";
import { loadQueueJudgments } from "./load-judgments";
import { emailsById, requireQueue } from "./queue-rows";

/**
 * A queue's statistics: Cohen's kappa for each pair of annotators with shared pairs,
 * Krippendorff's alpha (nominal) over the queue, each annotator's agreement with the majority of
 * the others and accuracy on gold pairs, how many pairs are decided, and judgment times.
 */
export async function queueStats(options: { projectId: string; queueId: string }) {
  const { projectId, queueId } = options;
  const queue = await requireQueue({ projectId, queueId });
  const [judgments, pairs] = await Promise.all([
    loadQueueJudgments({ projectId, queueId }),
    db.preferencePair.findMany({ where: { projectId, queueId }, select: { id: true, goldChoice: true, adjudicatedChoice: true } }),
  ]);
  const emails = await emailsById([...new Set(judgments.map((j) => j.annotatorId))]);
  const who = (id: string) => emails.get(id) ?? id;
  // Items queues hold ratings (scores on traces), not choices: no agreement on a choice to compute.
  const ratings = queue.kind === "items" ? [] : judgments.map((j) => ({ item: j.pairId, rater: who(j.annotatorId), label: j.choice }));
  const byPair = new Map<string, string[]>();
  for (const j of judgments) byPair.set(j.pairId, [...(byPair.get(j.pairId) ?? []), j.choice]);
  const gold = new Map(pairs.filter((p) => p.goldChoice).map((p) => [p.id, p.goldChoice!]));
  let decided = 0;
  let disagreements = 0;
  for (const p of pairs) {
    const choices = byPair.get(p.id) ?? [];
    if (finalLabel({ adjudicated: p.adjudicatedChoice, choices, k: queue.judgmentsPerPair }).choice) decided++;
    if (new Set(choices).size > 1 && !p.adjudicatedChoice) disagreements++;
  }
  const perAnnotator = new Map<string, { judgments: number; gold: number; goldCorrect: number; durations: number[] }>();
  for (const j of judgments) {
    const s = perAnnotator.get(who(j.annotatorId)) ?? { judgments: 0, gold: 0, goldCorrect: 0, durations: [] };
    s.judgments++;
    if (j.durationMs != null) s.durations.push(j.durationMs);
    const g = gold.get(j.pairId);
    if (g) {
      s.gold++;
      if (g === j.choice) s.goldCorrect++;
    }
    perAnnotator.set(who(j.annotatorId), s);
  }
  const majority = new Map(agreementWithMajority(ratings).map((m) => [m.rater, m]));
  return {
    queue: { id: queue.id, name: queue.name, kind: queue.kind, judgmentsPerPair: queue.judgmentsPerPair },
    pairs: pairs.length,
    judgments: judgments.length,
    decided,
    disagreements,
    alpha: krippendorffAlphaNominal(ratings),
    kappa: pairwiseKappa(ratings).map((k) => ({ annotatorA: k.a, annotatorB: k.b, sharedPairs: k.items, observedAgreement: k.observed, kappa: k.kappa })),
    annotators: [...perAnnotator.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([annotator, s]) => ({
      annotator,
      judgments: s.judgments,
      agreementWithMajority: majority.get(annotator)?.rate ?? null,
      majorityPairs: majority.get(annotator)?.items ?? 0,
      goldPairs: s.gold,
      goldAccuracy: s.gold ? s.goldCorrect / s.gold : null,
      medianMs: median(s.durations),
    })),
    durationsMs: judgments.flatMap((j) => (j.durationMs == null ? [] : [j.durationMs])),
  };
}

function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
