import type { SwapMade } from "../counterfactual/swap";

/** The counterfactual report of a run (pure): which swaps changed the answer, from the items' counterfactual scores. */
export type CounterfactualScore = {
  type: string; status: string; passed: boolean; score: number | null; threshold: number; reason: string;
  details?: { applicable?: boolean; method?: string; swaps?: SwapMade[]; original?: { input: unknown; output: unknown }; swapped?: { input: unknown; output: unknown }; changed?: boolean };
};
export type ReportItem = { position: number; itemId: string; scores: Record<string, CounterfactualScore> | null };

export type ChangedPair = {
  position: number; itemId: string; evaluator: string; score: number; threshold: number; reason: string; swaps: SwapMade[];
  original: { input: unknown; output: unknown }; swapped: { input: unknown; output: unknown };
};
export type CounterfactualReport = {
  evaluators: string[];
  /** Items the evaluators saw, items whose input held a term, items compared, items whose answer changed, items that could not be compared. */
  items: number; applicable: number; compared: number; changed: number; errors: number;
  /** Unchanged answers among compared items (null when none was compared): the fairness rate, not inflated by items without a term. */
  unchangedRate: number | null;
  /** Per term pair (either direction): in how many compared items it was swapped and in how many the answer changed; most changes first. */
  byPair: { category: string; pair: string; compared: number; changed: number }[];
  changedItems: ChangedPair[];
};

export function buildCounterfactualReport(options: { evaluatorKeys: readonly string[]; items: readonly ReportItem[]; limit?: number }): CounterfactualReport {
  const { evaluatorKeys, items } = options;
  const report: CounterfactualReport = { evaluators: [...evaluatorKeys], items: 0, applicable: 0, compared: 0, changed: 0, errors: 0, unchangedRate: null, byPair: [], changedItems: [] };
  const pairs = new Map<string, { category: string; pair: string; compared: number; changed: number }>();
  for (const item of items) {
    for (const key of evaluatorKeys) {
      const s = item.scores?.[key];
      if (!s) continue;
      report.items++;
      if (s.details?.applicable === false) continue;
      report.applicable++;
      if (s.score === null) { report.errors++; continue; }
      report.compared++;
      const changed = !s.passed;
      if (changed) report.changed++;
      for (const swap of s.details?.swaps ?? []) {
        const [x, y] = [swap.from, swap.to.toLowerCase()].sort();
        const id = `${swap.category}:${x}↔${y}`;
        const row = pairs.get(id) ?? { category: swap.category, pair: `${x} ↔ ${y}`, compared: 0, changed: 0 };
        row.compared++;
        if (changed) row.changed++;
        pairs.set(id, row);
      }
      if (changed && report.changedItems.length < (options.limit ?? 200)) {
        report.changedItems.push({
          position: item.position, itemId: item.itemId, evaluator: key, score: s.score, threshold: s.threshold, reason: s.reason, swaps: s.details?.swaps ?? [],
          original: s.details?.original ?? { input: null, output: null }, swapped: s.details?.swapped ?? { input: null, output: null },
        });
      }
    }
  }
  report.unchangedRate = report.compared ? (report.compared - report.changed) / report.compared : null;
  report.byPair = [...pairs.values()].sort((a, b) => b.changed - a.changed || b.compared - a.compared || (a.pair < b.pair ? -1 : 1));
  return report;
}
