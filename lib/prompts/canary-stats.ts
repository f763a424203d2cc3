import type { CanaryGuard } from "../schemas/prompts";

/**
 * Statistics of the canary page and guard, pure. The normal CDF uses the complementary error
 * function of Numerical Recipes (erfcc, fractional error < 1.2e-7): enough for p-values, and a
 * few lines instead of a dependency.
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? r : 2 - r;
}

export const normalCdf = (z: number) => 0.5 * erfc(-z / Math.SQRT2);

export type ProportionTest = { difference: number; z: number; pValue: number };

/**
 * Two-proportion z-test (pooled), two-sided: is x1/n1 different from x2/n2? Null when a side
 * has no trials or the pooled rate is 0 or 1 (no variance: nothing to test).
 */
export function twoProportionTest(x1: number, n1: number, x2: number, n2: number): ProportionTest | null {
  if (n1 <= 0 || n2 <= 0) return null;
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (se === 0) return null;
  const z = (p1 - p2) / se;
  return { difference: p1 - p2, z, pValue: Math.min(1, 2 * (1 - normalCdf(Math.abs(z)))) };
}

export type CanarySide = { calls: number; errors: number; thumbsUp: number; thumbsDown: number; latencyP95: number | null };

/** The first guard threshold the canary breaks against main, as a sentence, or null. */
export function guardBreach(guard: CanaryGuard, canary: CanarySide, main: CanarySide): string | null {
  if (canary.calls < guard.minCalls || main.calls === 0) return null;
  if (guard.errorRatePValue !== undefined) {
    const test = twoProportionTest(canary.errors, canary.calls, main.errors, main.calls);
    if (test && test.difference > 0 && test.pValue < guard.errorRatePValue) {
      return `error rate ${pct(canary.errors / canary.calls)} vs main ${pct(main.errors / main.calls)} over ${canary.calls} calls (p = ${test.pValue.toExponential(2)} < ${guard.errorRatePValue})`;
    }
  }
  if (guard.thumbsDownPoints !== undefined) {
    const cVotes = canary.thumbsUp + canary.thumbsDown;
    const mVotes = main.thumbsUp + main.thumbsDown;
    if (cVotes >= guard.minVotes && mVotes >= guard.minVotes) {
      const points = (canary.thumbsDown / cVotes - main.thumbsDown / mVotes) * 100;
      if (points > guard.thumbsDownPoints) return `thumbs-down rate ${pct(canary.thumbsDown / cVotes)} vs main ${pct(main.thumbsDown / mVotes)}: ${points.toFixed(1)} points worse (limit ${guard.thumbsDownPoints})`;
    }
  }
  if (guard.latencyP95Ratio !== undefined && canary.latencyP95 !== null && main.latencyP95 !== null && canary.latencyP95 > guard.latencyP95Ratio * main.latencyP95) {
    return `p95 latency ${Math.round(canary.latencyP95)} ms vs main ${Math.round(main.latencyP95)} ms (more than ${guard.latencyP95Ratio}×)`;
  }
  return null;
}

const pct = (v: number) => `${(v * 100).toFixed(2)}%`;
