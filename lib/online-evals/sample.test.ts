import { describe, expect, it } from "vitest";
import { inSample, onlineScoreId, sampleBound, sampleBucket } from "./sample";

describe("online evaluation sampling", () => {
  it("is deterministic per (rule, trace) and independent across rules", () => {
    expect(sampleBucket("r1", "t1")).toBe(sampleBucket("r1", "t1"));
    const ids = Array.from({ length: 2000 }, (_, i) => `trace-${i}`);
    const a = ids.filter((t) => inSample("rule-a", t, 30));
    const b = ids.filter((t) => inSample("rule-b", t, 30));
    expect(a).not.toEqual(b);
    // 2000 draws at p = 0.3: mean 600, sd ≈ 20.5; 5 sd either side.
    for (const s of [a, b]) expect(Math.abs(s.length - 600)).toBeLessThan(103);
  });

  it("takes 25 % of 100,000 trace ids within 3.3 standard deviations", () => {
    // Trace-id-shaped ids (32 hex digits) from a seeded generator: the same draw every run, so the
    // bound is a check of the hash and the bound, never a flake. n = 100,000, p = 0.25: mean 25,000,
    // sd ≈ 136.9, so ±452: a rate off by a twentieth (23.75 % or 26.25 %) is 9 sd away.
    let state = 0x9e3779b9;
    const next = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0), state);
    const id = () => Array.from({ length: 4 }, () => next().toString(16).padStart(8, "0")).join("");
    const n = 100_000;
    let taken = 0;
    for (let i = 0; i < n; i++) if (inSample("cm4rule0000000000000000001", id(), 25)) taken++;
    const sd = Math.sqrt(n * 0.25 * 0.75);
    expect(Math.abs(taken - n * 0.25)).toBeLessThan(3.3 * sd);
  });

  it("takes everything at 100 % and nothing at 0 %", () => {
    expect(sampleBound(100)).toBe(2 ** 32);
    expect(sampleBound(0)).toBe(0);
    expect(["x", "y", "z"].every((t) => inSample("r", t, 100))).toBe(true);
    expect(["x", "y", "z"].some((t) => inSample("r", t, 0))).toBe(false);
  });

  it("names the score by rule and trace", () => {
    expect(onlineScoreId("r", "t")).toBe("oe:r:t");
  });
});
