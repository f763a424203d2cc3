import { describe, expect, it } from "vitest";
import { guardBreach, normalCdf, twoProportionTest } from "./canary-stats";

describe("canary statistics", () => {
  it("normal CDF and the two-proportion test match reference values", () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-2.575829)).toBeCloseTo(0.005, 6);
    // 30/300 vs 10/1000: z ≈ 7.92 (pooled), p far below 1e-10.
    const t = twoProportionTest(30, 300, 10, 1000)!;
    expect(t.z).toBeCloseTo(7.917, 2);
    expect(t.pValue).toBeLessThan(1e-10);
    // 50/1000 vs 40/1000: z ≈ 1.08, p ≈ 0.28.
    const near = twoProportionTest(50, 1000, 40, 1000)!;
    expect(near.pValue).toBeCloseTo(0.28, 2);
    expect(twoProportionTest(0, 10, 0, 10)).toBeNull();
    expect(twoProportionTest(1, 0, 0, 10)).toBeNull();
  });

  it("the guard judges only with enough calls, and only when the canary is worse", () => {
    const guard = { minCalls: 200, minVotes: 30, errorRatePValue: 0.01, thumbsDownPoints: 10 };
    const main = { calls: 1000, errors: 10, thumbsUp: 90, thumbsDown: 10, latencyP95: 1000 };
    expect(guardBreach(guard, { calls: 300, errors: 30, thumbsUp: 0, thumbsDown: 0, latencyP95: 900 }, main)).toMatch(/^error rate 10.00% vs main 1.00%/);
    expect(guardBreach(guard, { calls: 150, errors: 30, thumbsUp: 0, thumbsDown: 0, latencyP95: 900 }, main)).toBeNull();
    expect(guardBreach(guard, { calls: 300, errors: 2, thumbsUp: 0, thumbsDown: 0, latencyP95: 900 }, main)).toBeNull();
    expect(guardBreach(guard, { calls: 300, errors: 3, thumbsUp: 20, thumbsDown: 20, latencyP95: 900 }, main)).toMatch(/thumbs-down rate 50.00%/);
    expect(guardBreach({ ...guard, latencyP95Ratio: 1.5 }, { calls: 300, errors: 3, thumbsUp: 0, thumbsDown: 0, latencyP95: 2000 }, main)).toMatch(/p95 latency/);
  });
});
