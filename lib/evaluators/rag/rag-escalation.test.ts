import { describe, expect, it } from "vitest";
import { claimDisagreement, DEFAULT_OVERLAP, scoreUncertain } from "./rag-escalation";

describe("RAG escalation", () => {
  it("escalates exactly the claims where the cheap verdict and the lexical overlap disagree", () => {
    const cases: Array<[boolean, number, boolean]> = [
      [true, 0.1, true], // yes, but almost none of its terms are in the passages
      [true, 0.2, false], // at the low bound: no longer "almost none"
      [true, 0.5, false], [true, 1, false],
      [false, 0.9, true], [false, 0.8, true], // no, but nearly all its terms are there
      [false, 0.79, false], [false, 0, false],
    ];
    for (const [verdict, overlap, escalate] of cases) expect(claimDisagreement(verdict, overlap, DEFAULT_OVERLAP) !== null, `${verdict} @ ${overlap}`).toBe(escalate);
  });

  it("treats a relevancy score inside the band (inclusive) as uncertain", () => {
    const band = { min: 0.4, max: 0.7 };
    expect([0.39, 0.4, 0.55, 0.7, 0.71].map((s) => scoreUncertain(s, band) !== null)).toEqual([false, true, true, true, false]);
  });
});
