import { describe, expect, it } from "vitest";
import { mcnemarExact } from "./mcnemar";

describe("mcnemarExact", () => {
  it("matches the exact conditional test of Fagerland, Lydersen & Laake (2013), Table 1: b = 1, c = 7 → p = 0.070", () => {
    // 2 · P(X ≤ 1 | n = 8, ½) = 2 · 9 / 256
    expect(mcnemarExact({ regressed: 1, improved: 7 }).pValue).toBeCloseTo(18 / 256, 12);
    expect(mcnemarExact({ regressed: 1, improved: 7 }).pValue!.toFixed(3)).toBe("0.070");
  });
  it("is symmetric, caps at 1, and has no p-value without discordant pairs", () => {
    expect(mcnemarExact({ regressed: 7, improved: 1 }).pValue).toBe(mcnemarExact({ regressed: 1, improved: 7 }).pValue);
    expect(mcnemarExact({ regressed: 3, improved: 3 }).pValue).toBe(1);
    expect(mcnemarExact({ regressed: 0, improved: 0 })).toEqual({ regressed: 0, improved: 0, discordant: 0, pValue: null });
  });
  it("stays finite and tiny for thousands of one-sided discordant pairs", () => {
    const p = mcnemarExact({ regressed: 0, improved: 2000 }).pValue!;
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThan(1e-300);
    expect(mcnemarExact({ regressed: 40, improved: 60 }).pValue).toBeCloseTo(0.0569, 3); // R: binom.test(40, 100)$p.value = 0.05689
  });
});
