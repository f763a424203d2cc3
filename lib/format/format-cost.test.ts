import { describe, expect, it } from "vitest";
import { formatCost } from "./format-cost";

describe("cost format", () => {
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
});
