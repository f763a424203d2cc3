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
