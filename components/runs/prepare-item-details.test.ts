import { describe, expect, it } from "vitest";
import { consistencyView, hasDetails, tieredView } from "./prepare-item-details";

describe("item details", () => {
  it("reads a tiered judge's record and self-consistency samples, and nothing from other details", () => {
    const tiered = { tier: "strong", escalated: true, why: "in band", cheap: { model: "c", scores: [3], usage: { calls: 1, cost: 0.001 } }, strong: { model: "s", score: 4, usage: { calls: 1, cost: 0.01 } }, strongOnlyCost: 0.01 };
    expect(tieredView({ model: "s", tiered })).toEqual(tiered);
    expect(tieredView({ model: "s", parseAttempts: 1 })).toBeNull();
    expect(consistencyView({ flagged: true, samples: ["a", "b"], similarity: "token", minPair: 0.1 })).toEqual({ flagged: true, samples: ["a", "b"], similarity: "token", minPair: 0.1 });
    expect(consistencyView({ flagged: true })).toBeNull();
    expect(hasDetails({ a: { details: { tiered } } })).toBe(true);
    expect(hasDetails({ a: { details: { model: "x" } }, b: {} })).toBe(false);
    expect(hasDetails(null)).toBe(false);
  });
});
