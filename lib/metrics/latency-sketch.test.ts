import { describe, expect, it } from "vitest";
import { addToSketch, bucketIndex, bucketValue, mergeSparse, quantile, RELATIVE_ACCURACY, type Sketch } from "./latency-sketch";

function exactQuantile(sorted: number[], q: number): number {
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!;
}

describe("latency sketch", () => {
  it("maps every value within the relative accuracy of its bucket's value", () => {
    for (const v of [0.05, 1, 3.7, 42, 999, 12_345, 600_000]) {
      const approx = bucketValue(bucketIndex(v));
      expect(Math.abs(approx - v) / v).toBeLessThanOrEqual(RELATIVE_ACCURACY + 1e-12);
    }
  });

  it("answers quantiles of a skewed distribution within 1% after merging parts", () => {
    // Log-normal-ish latencies from a seeded generator; split across three "minutes".
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const values = Array.from({ length: 30_000 }, () => Math.exp(5 + 1.2 * Math.sqrt(-2 * Math.log(rand() || 1e-9)) * Math.cos(2 * Math.PI * rand())));
    const parts: Sketch[] = [new Map(), new Map(), new Map()];
    values.forEach((v, i) => addToSketch(parts[i % 3]!, v));
    const merged: Sketch = new Map();
    for (const part of parts) mergeSparse(merged, [...part.keys()], [...part.values()]);
    const sorted = [...values].sort((a, b) => a - b);
    for (const q of [0.5, 0.9, 0.95, 0.99]) {
      const exact = exactQuantile(sorted, q);
      expect(Math.abs(quantile(merged, q)! - exact) / exact, `p${q * 100}`).toBeLessThanOrEqual(RELATIVE_ACCURACY);
    }
  });

  it("is empty-safe", () => {
    expect(quantile(new Map(), 0.5)).toBeNull();
  });
});
