import { describe, expect, it } from "vitest";
import { formatKappa, formatRate, prepareDurationHistogram } from "./prepare-durations";

describe("judgment time histogram", () => {
  it("puts each time in its bucket, keeps empty buckets and counts the tail", () => {
    const rows = prepareDurationHistogram([0, 4_999, 5_000, 12_000, 600_000]);
    expect(rows[0]).toEqual({ category: "0–5s", judgments: 2 });
    expect(rows[1]).toEqual({ category: "5–10s", judgments: 1 });
    expect(rows[2]).toEqual({ category: "10–20s", judgments: 1 });
    expect(rows.at(-1)).toEqual({ category: "300s+", judgments: 1 });
    expect(rows.reduce((s, r) => s + r.judgments, 0)).toBe(5);
  });
  it("formats rates and kappas, undefined as a dash", () => {
    expect(formatRate(2 / 3)).toBe("67%");
    expect(formatKappa(0.4)).toBe("0.40");
    expect(formatKappa(null)).toBe("—");
  });
});
