import { describe, expect, it } from "vitest";
import { formatBucketTime, formatCount, formatDelta, formatInUnit, formatRate, formatRelativeChange } from "./format-metric";

describe("metric formatting", () => {
  // formatMs and formatCost are lib/format-units' formatDuration and formatCost (tested there).
  it("abbreviates counts", () => {
    expect(formatCount(950)).toBe("950");
    expect(formatCount(1200)).toBe("1.2k");
    expect(formatCount(1000)).toBe("1k");
    expect(formatCount(123_456)).toBe("123k");
    expect(formatCount(1_500_000)).toBe("1.5M");
  });

  it("formats rates and changes", () => {
    expect(formatRate(0.004)).toBe("0.4%");
    expect(formatRate(1)).toBe("100%");
    expect(formatRate(null)).toBe("—");
    expect(formatRelativeChange(0.125)).toBe("+12.5%");
    expect(formatRelativeChange(-2.5)).toBe("-250%");
    expect(formatRelativeChange(null)).toBe("new");
    expect(formatDelta({ absolute: 0.01, relative: 0.5 }, "rate")).toBe("+1 pp");
    expect(formatDelta({ absolute: -100, relative: -0.1 }, "ms")).toBe("-10%");
  });

  it("formats durations already in a chart's unit", () => {
    expect(formatInUnit(1.5, "s")).toBe("1.5 s");
    expect(formatInUnit(12.34, "s")).toBe("12.3 s");
    expect(formatInUnit(250.4, "ms")).toBe("250 ms");
  });

  it("labels buckets by time of day, adding the date when the range spans days", () => {
    const t = new Date(2025, 0, 2, 13, 45).getTime();
    expect(formatBucketTime(t, "15m", false)).toBe("13:45");
    expect(formatBucketTime(t, "1h", true)).toBe("Jan 2 13:45");
    expect(formatBucketTime(t, "1d", true)).toBe("Jan 2");
  });
});
