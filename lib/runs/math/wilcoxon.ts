/**
 * Wilcoxon signed-rank test on paired differences (later − baseline), two-sided.
 * Zero differences are dropped (Wilcoxon's convention, as R's wilcox.test); tied |d| get mid-ranks.
 * The p-value is exact — the permutation distribution of W+ over the 2^n sign flips, conditional on
 * the observed (mid-)ranks, by dynamic programming on doubled ranks — up to EXACT_MAX pairs, and
 * the normal approximation with tie and continuity corrections beyond.
 *
 * Hand-written rather than a dependency: simple-statistics and jstat have no signed-rank test;
 * @stdlib/stats-wilcoxon does, but brings ~20 direct @stdlib packages for what is ~60 lines here,
 * checked against R's documented example in wilcoxon.test.ts.
 */
export type WilcoxonResult = { n: number; wPlus: number; wMinus: number; meanDiff: number | null; pValue: number | null; method: "exact" | "normal" | null };

const EXACT_MAX = 200;

export function wilcoxonSignedRank(pairs: ReadonlyArray<readonly [number, number]>): WilcoxonResult {
  const all = pairs.map(([a, b]) => b - a);
  const meanDiff = all.length ? all.reduce((s, d) => s + d, 0) / all.length : null;
  const d = all.filter((x) => x !== 0 && Number.isFinite(x));
  const n = d.length;
  if (n === 0) return { n: 0, wPlus: 0, wMinus: 0, meanDiff, pValue: null, method: null };
  const ranks = midRanks(d.map(Math.abs));
  let wPlus = 0;
  d.forEach((x, i) => { if (x > 0) wPlus += ranks[i]!; });
  const total = (n * (n + 1)) / 2;
  const wMinus = total - wPlus;
  const pValue = n <= EXACT_MAX ? exactP(ranks, wPlus) : normalP(ranks, wPlus);
  return { n, wPlus, wMinus, meanDiff, pValue, method: n <= EXACT_MAX ? "exact" : "normal" };
}

/** Ranks 1..n of the values, ties sharing their mean rank. */
export function midRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Array<number>(values.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    const rank = (i + j + 2) / 2;
    for (let k = i; k <= j; k++) ranks[order[k]![1]] = rank;
    i = j + 1;
  }
  return ranks;
}

/** P(W+ as or more extreme than observed), two-sided, from the exact distribution of Σ signs·ranks. */
function exactP(ranks: readonly number[], wPlus: number): number {
  const doubled = ranks.map((r) => Math.round(r * 2)); // mid-ranks are multiples of ½
  const max = doubled.reduce((a, b) => a + b, 0);
  let dist = new Float64Array(max + 1);
  dist[0] = 1;
  for (const r of doubled) {
    const next = new Float64Array(max + 1);
    for (let s = 0; s <= max; s++) {
      const p = dist[s]!;
      if (p === 0) continue;
      next[s] = next[s]! + p / 2;
      next[s + r] = next[s + r]! + p / 2;
    }
    dist = next;
  }
  const w = Math.round(wPlus * 2);
  const lower = Math.min(w, max - w); // the distribution is symmetric about max/2
  let tail = 0;
  for (let s = 0; s <= lower; s++) tail += dist[s]!;
  return Math.min(1, 2 * tail);
}

function normalP(ranks: readonly number[], wPlus: number): number {
  const n = ranks.length;
  const mean = (n * (n + 1)) / 4;
  const counts = new Map<number, number>();
  for (const r of ranks) counts.set(r, (counts.get(r) ?? 0) + 1);
  let ties = 0;
  for (const t of counts.values()) ties += t * t * t - t;
  const variance = (n * (n + 1) * (2 * n + 1)) / 24 - ties / 48;
  if (variance <= 0) return 1;
  const z = (Math.abs(wPlus - mean) - 0.5) / Math.sqrt(variance);
  return Math.min(1, 2 * (1 - normalCdf(Math.max(0, z))));
}

/** Φ(x) via the Abramowitz–Stegun 7.1.26 erf approximation (|error| < 1.5e-7). */
export function normalCdf(x: number): number {
  const t = 1 / (1 + 0.3275911 * (Math.abs(x) / Math.SQRT2));
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + y) / 2 : (1 - y) / 2;
}
