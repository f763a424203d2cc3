import { describe, expect, it } from "vitest";
import { decideWindows, effectFloor, holmAdjust, permutationsFor } from "./decide";

describe("drift decisions", () => {
  it("adjusts p-values with Holm's step-down method", () => {
    // Sorted 0.01, 0.02, 0.03, 0.5 → ×4, ×3, ×2, ×1 with running max: 0.04, 0.06, 0.06, 0.5
    const adjusted = holmAdjust([0.03, 0.01, 0.5, 0.02]);
    expect(adjusted.map((p) => Number(p.toFixed(6)))).toEqual([0.06, 0.04, 0.5, 0.06]);
    expect(holmAdjust([0.9, 0.8])).toEqual([1, 1]);
  });

  it("needs both significance after correction and a distance above the effect-size floor", () => {
    const t = { alpha: 0.01, minDistance: 0.05 };
    const d = decideWindows([
      { distance: 0.4, pValue: 0.001, noise: 0.05 }, // significant and far above the floor
      { distance: 0.07, pValue: 0.001, noise: 0.05 }, // significant, but √(0.07² − 0.05²) ≈ 0.049 < 0.05: noise
      { distance: 0.4, pValue: 0.004, noise: 0.05 }, // Holm: 0.004 × 2 = 0.008 < 0.01 (Bonferroni's 0.016 would miss it)
      { distance: 0.4, pValue: 0.02, noise: 0.05 }, // not significant
    ], t);
    expect(d.map((x) => x.significant)).toEqual([true, true, true, false]);
    expect(d.map((x) => x.drifted)).toEqual([true, false, true, false]);
    expect(d[2]!.adjustedP).toBeCloseTo(0.008, 10);
    expect(effectFloor(0, t)).toBe(0.05);
    expect(effectFloor(0.12, t)).toBeCloseTo(0.13, 10);
  });

  it("asks for enough permutations to reach alpha / windows", () => {
    expect(permutationsFor(1, 0.01)).toBe(500);
    expect(permutationsFor(7, 0.01)).toBe(1400);
    expect(1 / (permutationsFor(24, 0.01) + 1)).toBeLessThan(0.01 / 24);
  });
});
