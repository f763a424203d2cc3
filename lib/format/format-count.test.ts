import { describe, expect, it } from "vitest";
import { formatCount, formatTokens } from "./format-count";

describe("count formats", () => {
  it("formats token counts in full", () => {
    expect(formatTokens(1145)).toBe("1,145");
    expect(formatTokens(null)).toBe("—");
  });

  it("abbreviates counts", () => {
    expect(formatCount(950)).toBe("950");
    expect(formatCount(1200)).toBe("1.2k");
    expect(formatCount(1000)).toBe("1k");
    expect(formatCount(123_456)).toBe("123k");
    expect(formatCount(1_500_000)).toBe("1.5M");
  });
});
