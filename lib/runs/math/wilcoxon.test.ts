import { describe, expect, it } from "vitest";
import { midRanks, normalCdf, wilcoxonSignedRank } from "./wilcoxon";

describe("wilcoxonSignedRank", () => {
  it("matches R's wilcox.test example (Hollander & Wolfe depression scores, paired): V = 40, p = 0.03906", () => {
    const x = [1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3];
    const y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29];
    // R computes V on x − y; ours is later − baseline, so baseline = y and later = x.
    const r = wilcoxonSignedRank(x.map((xi, i) => [y[i]!, xi] as const));
    expect(r.wPlus).toBe(40);
    expect(r.wMinus).toBe(5);
    expect(r.method).toBe("exact");
    expect(r.pValue).toBeCloseTo(0.0390625, 7); // 20 / 512
  });
  it("drops zero differences, gives tied |d| mid-ranks, and has no p-value when nothing changed", () => {
    expect(midRanks([3, 1, 3, 2])).toEqual([3.5, 1, 3.5, 2]);
    expect(wilcoxonSignedRank([[1, 1], [2, 2]])).toMatchObject({ n: 0, pValue: null, meanDiff: 0 });
    // All five differences positive (one zero dropped): exact p = 2 / 2^5.
    const r = wilcoxonSignedRank([[0, 1], [0, 2], [0, 3], [0, 4], [0, 5], [7, 7]]);
    expect(r).toMatchObject({ n: 5, wPlus: 15, wMinus: 0 });
    expect(r.pValue).toBeCloseTo(2 / 32, 12);
  });
  it("switches to the normal approximation beyond 200 pairs; Φ matches tabulated values", () => {
    const pairs = Array.from({ length: 240 }, (_, i) => [0, (i % 3) - 0.9 + i / 1000] as const);
    const big = wilcoxonSignedRank(pairs);
    expect(big.method).toBe("normal");
    expect(big.pValue!).toBeGreaterThan(0);
    expect(big.pValue!).toBeLessThan(1);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.158655, 6);
  });
});
