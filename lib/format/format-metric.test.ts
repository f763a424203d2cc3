import { describe, expect, it } from "vitest";
import { formatDelta } from "./format-metric";
import { formatRate, formatRelativeChange } from "./format-percent";

describe("metric formatting", () => {
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
});
