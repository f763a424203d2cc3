/**
 * From per-window tests to "drifted" flags.
 *
 * - Multiple windows: Holm's step-down correction over the windows shown (uniformly more
 *   powerful than Bonferroni, same family-wise error guarantee under any dependence — the
 *   windows share references), so showing 30 daily windows does not raise the chance of a
 *   false alarm to 30 × alpha.
 * - A scale-free effect floor above sampling noise: significance alone flags tiny shifts once
 *   windows are large, so the estimated TRUE shift must also be large relative to how spread the
 *   reference is. The observed distance is biased upwards — E[D²] = ‖Δ‖² + noise² — so the
 *   effect is √max(0, D² − noise²) / √tr Σ̂_ref, and a window is drifted only when it exceeds
 *   minEffect. In distance units (what the chart draws) that is D > √(noise² + minEffect² ·
 *   tr Σ̂_ref). Dividing by the spread makes one floor mean the same for every embedding model:
 *   the centroid moved by minEffect of the typical distance of a vector from its centroid.
 * - Windows at or below the floor cannot be drifted, so their permutation test is skipped and
 *   they enter Holm with p = 1 (a valid, conservative p-value: never more rejections).
 * Defaults: alpha 0.01, minEffect 0.05.
 */
export type DriftThresholds = { alpha: number; minEffect: number };
export const DEFAULT_THRESHOLDS: DriftThresholds = { alpha: 0.01, minEffect: 0.05 };

export type WindowTest = { distance: number; noise: number; spread: number; effect: number; /** null: not tested (below the floor) */ pValue: number | null };
export type WindowDecision = { adjustedP: number; floor: number; significant: boolean; drifted: boolean };

/** Holm-adjusted p-values, in the input order. */
export function holmAdjust(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => [p, i] as const).sort((x, y) => x[0] - y[0]);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach(([p, i], rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}

/** The distance a window must exceed: √(noise² + minEffect² · spread²). */
export function effectFloor(noise: number, spread: number, t: DriftThresholds = DEFAULT_THRESHOLDS): number {
  return Math.sqrt(noise * noise + t.minEffect * t.minEffect * spread * spread);
}

export const aboveFloor = (w: Pick<WindowTest, "effect">, t: DriftThresholds = DEFAULT_THRESHOLDS) => w.effect > t.minEffect;

export function decideWindows(tests: readonly WindowTest[], t: DriftThresholds = DEFAULT_THRESHOLDS): WindowDecision[] {
  const adjusted = holmAdjust(tests.map((w) => w.pValue ?? 1));
  return tests.map((w, i) => {
    const significant = adjusted[i]! < t.alpha;
    return { adjustedP: adjusted[i]!, floor: effectFloor(w.noise, w.spread, t), significant, drifted: significant && aboveFloor(w, t) };
  });
}

/**
 * Monte Carlo resolution: B is chosen so the strictest Holm threshold alpha / m holds about
 * RESOLUTION permutation exceedances, i.e. B = RESOLUTION · m / alpha. With 20, a window whose
 * exact p is half the threshold is rejected ≈ 99 % of the time (Poisson(10) ≤ 19), and one at
 * 0.7 × threshold ≈ 91 %; with the old 2 · m / alpha it was 59 % at p = 0.001, m = 7.
 */
export const RESOLUTION = 20;
export const MAX_PERMUTATIONS = 200_000;

/** Permutations for m windows at alpha (≥ 500, ≤ MAX_PERMUTATIONS). */
export function permutationsFor(windows: number, alpha: number, min = 500, max = MAX_PERMUTATIONS): number {
  return Math.min(max, Math.max(min, Math.ceil((RESOLUTION * Math.max(1, windows)) / alpha)));
}

/**
 * Why alpha and the window count cannot go together, or null when they can: the permutations
 * needed for a usable Holm threshold (RESOLUTION · m / alpha) must fit under the cap. This is
 * stricter than "rejection possible at all" (alpha > m / (B_max + 1)), which would still allow
 * settings where a clearly drifted window is flagged only by luck.
 */
export function alphaWindowsProblem(alpha: number, windows: number): string | null {
  const smallest = (RESOLUTION * windows) / MAX_PERMUTATIONS;
  if (alpha >= smallest) return null;
  return `alpha ${alpha} is too small for ${windows} windows: Holm tests each window at alpha / ${windows}, which the permutation test (at most ${MAX_PERMUTATIONS.toLocaleString("en-US")} permutations) cannot resolve; use alpha ≥ ${smallest} or fewer windows`;
}
