import { describe, expect, it } from "vitest";
import { formatDuration, formatInUnit } from "./format-duration";

describe("duration formats", () => {
  it("formats durations with precision that shrinks as they grow", () => {
    expect(formatDuration(null)).toBe("—");
    expect(formatDuration(undefined)).toBe("—");
    expect(formatDuration(0)).toBe("0 ms");
    expect(formatDuration(4.25)).toBe("4.3 ms");
    expect(formatDuration(85.4)).toBe("85 ms");
    expect(formatDuration(999.4)).toBe("999 ms");
    // The inbox used to say "1,919 ms" for what the explorer called "1.92 s".
    expect(formatDuration(1919)).toBe("1.92 s");
    expect(formatDuration(12_500)).toBe("12.5 s");
    expect(formatDuration(126_000)).toBe("2m 6s");
    expect(formatDuration(3_900_000)).toBe("1h 5m");
    expect(formatDuration(183_600_000)).toBe("2d 3h");
  });

  it("formats durations already in a chart's unit", () => {
    expect(formatInUnit(1.5, "s")).toBe("1.5 s");
    expect(formatInUnit(12.34, "s")).toBe("12.3 s");
    expect(formatInUnit(250.4, "ms")).toBe("250 ms");
  });
});
