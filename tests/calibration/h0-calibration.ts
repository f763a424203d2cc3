import { DEFAULT_THRESHOLDS, type DriftThresholds } from "@/lib/drift/math/decide";
import { clopperPearsonLower, clopperPearsonUpper } from "./binomial";
import { runTrial, SHOWN } from "./clustered-traffic";

export type H0Result = {
  trials: number; tracesPerDay: number; thresholds: DriftThresholds;
  /** Trials in which any of the 7 windows was flagged drifted: family-wise false positives. */
  familyWise: number; rate: number; lower95: number; upper95: number;
  /** Windows that got a permutation test (above the floor), and those with raw p < 0.1. */
  windowsTested: number; rawBelow01: number; windows: number; ms: number;
};

/**
 * H0 calibration: `trials` fortnights of clustered no-drift traffic, each through the production
 * pipeline (trailing baseline, Holm over 7 daily windows, early stopping). Seeds are fixed, so a
 * run is reproducible; the check is that the family-wise rate is not significantly above alpha
 * (one-sided 95 % Clopper–Pearson lower bound ≤ alpha).
 */
export async function runH0(options: { trials: number; tracesPerDay: number; thresholds?: DriftThresholds; seed?: number }): Promise<H0Result> {
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const started = performance.now();
  let familyWise = 0;
  let windowsTested = 0;
  let rawBelow01 = 0;
  for (let t = 0; t < options.trials; t++) {
    const rows = await runTrial({ seed: (options.seed ?? 1_000_000) + t, tracesPerDay: options.tracesPerDay, thresholds });
    if (rows.some((r) => r.drifted)) familyWise++;
    windowsTested += rows.filter((r) => r.pValue !== null).length;
    rawBelow01 += rows.filter((r) => r.pValue !== null && r.pValue < 0.1).length;
  }
  const n = options.trials;
  return {
    trials: n, tracesPerDay: options.tracesPerDay, thresholds, familyWise, rate: familyWise / n,
    lower95: clopperPearsonLower(familyWise, n), upper95: clopperPearsonUpper(familyWise, n),
    windowsTested, rawBelow01, windows: n * SHOWN, ms: Math.round(performance.now() - started),
  };
}
