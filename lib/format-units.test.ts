import { describe, expect, it } from "vitest";
import { formatCost, formatDuration, formatTokens } from "./format-units";

describe("shared unit formats", () => {
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

  it("formats dollars with cents from $1 and three significant digits below", () => {
    expect(formatCost(null)).toBe("—");
    expect(formatCost(0)).toBe("$0");
    expect(formatCost(1234.5)).toBe("$1,234.50");
    expect(formatCost(0.5)).toBe("$0.5");
    expect(formatCost(0.012345)).toBe("$0.0123");
    // One trace read "$0.00344" in the list, "$0.0034" in the detail and "$0.003440" in the inbox.
    expect(formatCost(0.0034412)).toBe("$0.00344");
    expect(formatCost(0.000165)).toBe("$0.000165");
    expect(formatCost(0.005502)).toBe("$0.0055");
    expect(formatCost(0.0000123)).toBe("$0.0000123");
    expect(formatCost(0.0000000004)).toBe("<$0.000001");
    expect(formatCost(-0.25)).toBe("-$0.25");
  });

  it("formats token counts in full", () => {
    expect(formatTokens(1145)).toBe("1,145");
    expect(formatTokens(null)).toBe("—");
  });
});
