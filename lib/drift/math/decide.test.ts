import { describe, expect, it } from "vitest";
import { alphaWindowsProblem, decideWindows, effectFloor, holmAdjust, MAX_PERMUTATIONS, permutationsFor } from "./decide";

const win = (distance: number, pValue: number | null, effect: number) => ({ distance, pValue, noise: 0.05, spread: 0.9, effect });

describe("drift decisions", () => {
  it("adjusts p-values with Holm's step-down method", () => {
    // Sorted 0.01, 0.02, 0.03, 0.5 → ×4, ×3, ×2, ×1 with running max: 0.04, 0.06, 0.06, 0.5
    const adjusted = holmAdjust([0.03, 0.01, 0.5, 0.02]);
    expect(adjusted.map((p) => Number(p.toFixed(6)))).toEqual([0.06, 0.04, 0.5, 0.06]);
    expect(holmAdjust([0.9, 0.8])).toEqual([1, 1]);
  });

  it("needs both significance after correction and a scale-free effect above the floor", () => {
    const t = { alpha: 0.01, minEffect: 0.05 };
    const d = decideWindows([
      win(0.4, 0.001, 0.4), // significant and far above the floor
      win(0.07, 0.001, 0.04), // significant, but the noise-corrected effect is under 0.05
      win(0.4, 0.004, 0.4), // Holm: 0.004 × 2 = 0.008 < 0.01 (Bonferroni's 0.016 would miss it)
      win(0.4, 0.02, 0.4), // not significant
    ], t);
    expect(d.map((x) => x.significant)).toEqual([true, true, true, false]);
    expect(d.map((x) => x.drifted)).toEqual([true, false, true, false]);
    expect(d[2]!.adjustedP).toBeCloseTo(0.008, 10);
    // In distance units the floor is √(noise² + minEffect² · spread²).
    expect(effectFloor(0, 1, t)).toBe(0.05);
    expect(effectFloor(0.12, 1, t)).toBeCloseTo(0.13, 10);
    expect(effectFloor(0, 0.5, t)).toBeCloseTo(0.025, 10);
  });

  it("counts an untested window (below the floor) as p = 1 in Holm", () => {
    const t = { alpha: 0.01, minEffect: 0.05 };
    const d = decideWindows([win(0.4, 0.004, 0.4), win(0.01, null, 0)], t);
    expect(d[0]!.adjustedP).toBeCloseTo(0.008, 10);
    expect(d[1]).toMatchObject({ adjustedP: 1, drifted: false });
  });

  it("asks for enough permutations to resolve alpha / windows, and refuses settings it cannot resolve", () => {
    expect(permutationsFor(1, 0.2)).toBe(500);
    expect(permutationsFor(7, 0.01)).toBe(14_000);
    // The strictest Holm threshold holds ≥ 20 expected exceedances' worth of resolution.
    for (const [m, alpha] of [[7, 0.01], [24, 0.01], [60, 0.01], [60, 0.006]] as const) {
      expect((m / alpha) * (1 / (permutationsFor(m, alpha) + 1))).toBeLessThanOrEqual(1 / 20 + 1e-9);
    }
    expect(permutationsFor(60, 0.0001)).toBe(MAX_PERMUTATIONS);
    expect(alphaWindowsProblem(0.01, 7)).toBeNull();
    expect(alphaWindowsProblem(0.006, 60)).toBeNull();
    expect(alphaWindowsProblem(0.001, 60)).toMatch(/alpha 0.001 is too small for 60 windows.*alpha ≥ 0.006/);
    // Whenever settings pass, a clearly drifted window (exact p far below alpha / m) can be flagged: 1/(B+1) < alpha / m.
    for (const m of [2, 7, 30, 60]) for (const alpha of [0.2, 0.05, 0.01, 0.006, 0.001, 0.0007]) {
      if (!alphaWindowsProblem(alpha, m)) expect(1 / (permutationsFor(m, alpha) + 1)).toBeLessThan(alpha / m);
    }
  });
});
