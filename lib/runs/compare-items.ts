import { mcnemarExact, type McNemarResult } from "./math/mcnemar";
import { wilcoxonSignedRank, type WilcoxonResult } from "./math/wilcoxon";

/** Pure comparison of runs over the same golden set: per-item rows in review order and paired tests. */
export type CompareScore = { type: string; status: string; passed: boolean; score: number | null; threshold: number; reason: string };
export type CompareItem = {
  itemId: string; position: number; input: unknown; expectedOutput: unknown; output: unknown; status: string; error: string | null;
  passed: boolean | null; latencyMs: number | null; cost: number | null; scores: Record<string, CompareScore> | null; traceId: string | null;
};
export type CompareRunRef = { id: string; evaluators: ReadonlyArray<{ key: string; type: string }> };

export type Change = "regressed" | "improved" | "unchanged" | "unpaired";
export type CompareRow = {
  itemId: string; input: unknown; expectedOutput: unknown; change: Change;
  /** One cell per run, in the order the runs were given; null when the item is not in that run. */
  cells: Array<Omit<CompareItem, "itemId" | "input" | "expectedOutput" | "position"> | null>;
};
export type EvaluatorComparison = { key: string; type: string; pairs: number; baselineMean: number | null; mean: number | null; wilcoxon: WilcoxonResult; passes: McNemarResult };
export type RunComparison = {
  runId: string; baselineRunId: string; pairs: number;
  baselinePassRate: number | null; passRate: number | null;
  /** Pass → fail is "regressed", fail → pass "improved" (the discordant pairs McNemar counts). */
  mcnemar: McNemarResult;
  evaluators: EvaluatorComparison[];
};

const ORDER: Record<Change, number> = { regressed: 0, improved: 1, unchanged: 2, unpaired: 3 };

/** How a later run's verdict moved from the baseline's: regressed if any later run went pass → fail. */
export function itemChange(baseline: boolean | null | undefined, later: ReadonlyArray<boolean | null | undefined>): Change {
  const paired = later.filter((p): p is boolean => typeof p === "boolean");
  if (typeof baseline !== "boolean" || paired.length === 0) return "unpaired";
  if (baseline && paired.some((p) => !p)) return "regressed";
  if (!baseline && paired.some((p) => p)) return "improved";
  return "unchanged";
}

/**
 * Rows for every item in any run, regressions first, then improvements, then the rest, each group
 * in the baseline's snapshot order; and, for each later run against the first (the baseline), paired
 * tests over the items both runs have (same golden-set item id).
 */
export function compareItems(runs: readonly CompareRunRef[], itemsByRun: ReadonlyArray<ReadonlyArray<CompareItem>>) {
  const maps = itemsByRun.map((items) => new Map(items.map((i) => [i.itemId, i])));
  const ids = new Map<string, number>();
  itemsByRun.forEach((items, r) => items.forEach((i) => { if (!ids.has(i.itemId)) ids.set(i.itemId, r * 1e9 + i.position); }));
  const rows: CompareRow[] = [...ids.keys()].map((itemId) => {
    const found = maps.map((m) => m.get(itemId) ?? null);
    const first = found.find((f) => f !== null)!;
    const change = itemChange(found[0]?.passed, found.slice(1).map((f) => f?.passed));
    return {
      itemId, input: first.input, expectedOutput: first.expectedOutput, change,
      cells: found.map((f) => (f ? { output: f.output, status: f.status, error: f.error, passed: f.passed, latencyMs: f.latencyMs, cost: f.cost, scores: f.scores, traceId: f.traceId } : null)),
    };
  });
  rows.sort((a, b) => ORDER[a.change] - ORDER[b.change] || ids.get(a.itemId)! - ids.get(b.itemId)!);
  const comparisons = runs.slice(1).map((run, i) => compareRun(runs[0]!, run, maps[0]!, maps[i + 1]!));
  return { rows, comparisons };
}

function compareRun(baseline: CompareRunRef, run: CompareRunRef, a: Map<string, CompareItem>, b: Map<string, CompareItem>): RunComparison {
  const pairs = [...a.values()].filter((i) => b.has(i.itemId)).map((i) => [i, b.get(i.itemId)!] as const);
  const verdicts = pairs.filter(([x, y]) => typeof x.passed === "boolean" && typeof y.passed === "boolean");
  const rate = (side: 0 | 1) => (verdicts.length ? verdicts.filter((p) => p[side].passed).length / verdicts.length : null);
  const shared = baseline.evaluators.filter((e) => run.evaluators.some((o) => o.key === e.key));
  return {
    runId: run.id, baselineRunId: baseline.id, pairs: pairs.length,
    baselinePassRate: rate(0), passRate: rate(1),
    mcnemar: mcnemarExact({ regressed: verdicts.filter(([x, y]) => x.passed && !y.passed).length, improved: verdicts.filter(([x, y]) => !x.passed && y.passed).length }),
    evaluators: shared.map((e) => {
      const scored = pairs.map(([x, y]) => [x.scores?.[e.key], y.scores?.[e.key]] as const).filter((p): p is readonly [CompareScore, CompareScore] => !!p[0] && !!p[1]);
      const numeric = scored.filter(([x, y]) => x.score !== null && y.score !== null).map(([x, y]) => [x.score!, y.score!] as const);
      const mean = (side: 0 | 1) => (numeric.length ? numeric.reduce((s, p) => s + p[side], 0) / numeric.length : null);
      return {
        key: e.key, type: e.type, pairs: scored.length, baselineMean: mean(0), mean: mean(1),
        wilcoxon: wilcoxonSignedRank(numeric),
        passes: mcnemarExact({ regressed: scored.filter(([x, y]) => x.passed && !y.passed).length, improved: scored.filter(([x, y]) => !x.passed && y.passed).length }),
      };
    }),
  };
}
