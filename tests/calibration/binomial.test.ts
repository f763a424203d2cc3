import { describe, expect, it } from "vitest";
import { binomialCdf, clopperPearsonLower, clopperPearsonUpper } from "./binomial";

describe("binomial bounds for the calibration checks", () => {
  it("matches closed forms and known values", () => {
    // 0 successes: the upper bound solves (1 − p)^n = 0.05.
    expect(clopperPearsonUpper(0, 200)).toBeCloseTo(1 - 0.05 ** (1 / 200), 6);
    // n successes: the lower bound solves p^n = 0.05.
    expect(clopperPearsonLower(10, 10)).toBeCloseTo(0.05 ** (1 / 10), 6);
    expect(binomialCdf(2, 200, 0.01)).toBeCloseTo(0.6767, 3); // 0.1340 + 0.2707 + 0.2720
    const upper = clopperPearsonUpper(20, 2000);
    expect(upper).toBeGreaterThan(0.0142);
    expect(upper).toBeLessThan(0.0146);
    expect(clopperPearsonLower(20, 2000)).toBeLessThan(0.01);
    expect(clopperPearsonLower(40, 2000)).toBeGreaterThan(0.01);
  });
});
