/**
 * From per-window tests to "drifted" flags.
 *
 * - Multiple windows: Holm's step-down correction over the windows shown (uniformly more
 *   powerful than Bonferroni, same family-wise error guarantee), so showing 30 daily windows
 *   does not raise the chance of a false alarm to 30 × alpha.
 * - Effect-size floor above sampling noise: significance alone flags tiny shifts once windows
 *   are large, so the estimated TRUE shift must also exceed minDistance. The observed
 *   distance is biased upwards by sampling noise — E[D²] = ‖Δ‖² + noise², where noise² =
 *   tr Σ̂ · (1/n_ref + 1/n_cur) is what two same-distribution samples of those sizes show — so
 *   the estimate is √(D² − noise²), and the rule is D > floor = √(noise² + minDistance²).
 *   Small windows thus need a distance well above their noise, large ones at least
 *   minDistance. (An earlier "2 × noise" floor was too strict: in 384 dimensions the null
 *   distance concentrates tightly at the noise level, so it missed clear shifts the
 *   permutation test had found.) Defaults: alpha 0.01, minDistance 0.05 (unit vectors: D ≤ 2).
 */
export type DriftThresholds = { alpha: number; minDistance: number };
export const DEFAULT_THRESHOLDS: DriftThresholds = { alpha: 0.01, minDistance: 0.05 };

export type WindowTest = { distance: number; pValue: number; noise: number };
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

export function effectFloor(noise: number, t: DriftThresholds = DEFAULT_THRESHOLDS): number {
  return Math.sqrt(noise * noise + t.minDistance * t.minDistance);
}

export function decideWindows(tests: readonly WindowTest[], t: DriftThresholds = DEFAULT_THRESHOLDS): WindowDecision[] {
  const adjusted = holmAdjust(tests.map((w) => w.pValue));
  return tests.map((w, i) => {
    const floor = effectFloor(w.noise, t);
    const significant = adjusted[i]! < t.alpha;
    return { adjustedP: adjusted[i]!, floor, significant, drifted: significant && w.distance > floor };
  });
}

/** Permutations needed so a p-value can get below alpha / windows (the strictest Holm step). */
export function permutationsFor(windows: number, alpha: number, min = 500, max = 20_000): number {
  return Math.min(max, Math.max(min, Math.ceil((2 * Math.max(1, windows)) / alpha)));
}
