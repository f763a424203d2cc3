import { describe, expect, it } from "vitest";
import { agreementWithMajority, cohensKappa, krippendorffAlphaNominal, pairwiseKappa, type Rating } from "./agreement";
import { finalLabel } from "./final-label";

/** Ratings from rows of [item, rater, label]. */
const r = (rows: Array<[string, string, string]>): Rating[] => rows.map(([item, rater, label]) => ({ item, rater, label }));
/** Two raters' labels, item i holding x[i] and y[i]. */
function two(x: string[], y: string[]): Rating[] {
  return [...x.map((label, i) => ({ item: `i${i}`, rater: "x", label })), ...y.map((label, i) => ({ item: `i${i}`, rater: "y", label }))];
}

describe("agreement (hand-computed)", () => {
  it("perfect agreement: kappa 1 and alpha 1", () => {
    const ratings = two(["A", "B", "A", "tie"], ["A", "B", "A", "tie"]);
    // po = 1, pe = .5² + .25² + .25² = .375 → (1 − .375)/(1 − .375) = 1
    expect(cohensKappa(ratings, "x", "y").kappa).toBeCloseTo(1, 12);
    expect(krippendorffAlphaNominal(ratings)).toBeCloseTo(1, 12);
  });

  it("chance agreement: kappa 0, alpha 1/8", () => {
    const ratings = two(["A", "A", "B", "B"], ["A", "B", "A", "B"]);
    // po = .5, pe = .5·.5 + .5·.5 = .5 → 0
    expect(cohensKappa(ratings, "x", "y")).toMatchObject({ items: 4, observed: 0.5, kappa: 0 });
    // o_AA = 2, o_AB = o_BA = 2, o_BB = 2; n_A = n_B = 4, n = 8: 1 − 7·4 / (2·4·4) = 1/8
    expect(krippendorffAlphaNominal(ratings)).toBeCloseTo(0.125, 12);
  });

  it("a 2×2 table (4 AA, 2 AB, 1 BA, 3 BB): kappa 0.4, alpha 14/33", () => {
    const x = ["A", "A", "A", "A", "A", "A", "B", "B", "B", "B"];
    const y = ["A", "A", "A", "A", "B", "B", "A", "B", "B", "B"];
    const ratings = two(x, y);
    // po = .7; x: A .6 B .4; y: A .5 B .5; pe = .3 + .2 = .5 → .2/.5 = .4
    expect(cohensKappa(ratings, "x", "y").kappa).toBeCloseTo(0.4, 12);
    // o_AA = 8, o_BB = 6, o_AB = o_BA = 3; n_A = 11, n_B = 9, n = 20: 1 − 19·6 / (2·11·9) = 14/33
    expect(krippendorffAlphaNominal(ratings)).toBeCloseTo(14 / 33, 12);
  });

  it("missing judgments: kappa over shared items only, unpairable units drop out of alpha", () => {
    const ratings = r([
      ["1", "x", "A"], ["1", "y", "A"], ["1", "z", "A"],
      ["2", "x", "A"], ["2", "y", "B"],
      ["3", "x", "B"], ["3", "z", "B"],
      ["4", "y", "A"],
    ]);
    const kappas = pairwiseKappa(ratings);
    // x–y share items 1, 2: po = .5, pe = 1·.5 → 0. x–z share 1, 3: po = 1, pe = .5 → 1.
    // y–z share item 1 only, both "A": pe = 1, reported as full agreement.
    expect(kappas.map((k) => [k.a, k.b, k.items, k.kappa])).toEqual([
      ["x", "y", 2, 0],
      ["x", "z", 2, 1],
      ["y", "z", 1, 1],
    ]);
    // unit 1 (m=3): o_AA += 6·½ = 3; unit 2: o_AB = o_BA = 1; unit 3: o_BB = 2; unit 4 unpairable.
    // n_A = 4, n_B = 3, n = 7: 1 − 6·2 / (2·4·3) = .5
    expect(krippendorffAlphaNominal(ratings)).toBeCloseTo(0.5, 12);
    // Leave-one-out majority: x agrees on 1 and 3, not 2; y on 1 only; z on 1 and 3; item 4 has no other rater.
    expect(agreementWithMajority(ratings)).toEqual([
      { rater: "x", items: 3, agreed: 2, rate: 2 / 3 },
      { rater: "y", items: 2, agreed: 1, rate: 0.5 },
      { rater: "z", items: 2, agreed: 2, rate: 1 },
    ]);
  });

  it("no pairable values or no variation: alpha undefined; no shared items: kappa null", () => {
    expect(krippendorffAlphaNominal(r([["1", "x", "A"], ["2", "y", "B"]]))).toBeNull();
    expect(krippendorffAlphaNominal(two(["A", "A"], ["A", "A"]))).toBeNull();
    expect(cohensKappa(r([["1", "x", "A"], ["2", "y", "B"]]), "x", "y").kappa).toBeNull();
  });
});

describe("final label", () => {
  it("is the adjudicated label, else the majority, else undecided", () => {
    expect(finalLabel({ adjudicated: "tie", choices: ["A", "B"], k: 2 })).toEqual({ choice: "tie", by: "adjudication", agreement: 0 });
    expect(finalLabel({ adjudicated: null, choices: ["A", "A"], k: 3 })).toEqual({ choice: "A", by: "majority", agreement: 1 });
    expect(finalLabel({ adjudicated: null, choices: ["A", "B", "B"], k: 3 })).toMatchObject({ choice: "B", agreement: 2 / 3 });
    expect(finalLabel({ adjudicated: null, choices: ["A", "B"], k: 3 }).choice).toBeNull();
    expect(finalLabel({ adjudicated: null, choices: ["A", "B", "tie"], k: 3 }).choice).toBeNull();
    expect(finalLabel({ adjudicated: null, choices: ["A", "B"], k: 2 }).choice).toBeNull();
    expect(finalLabel({ adjudicated: null, choices: ["B"], k: 1 })).toMatchObject({ choice: "B", by: "majority" });
    expect(finalLabel({ adjudicated: null, choices: [], k: 1 })).toEqual({ choice: null, by: null, agreement: null });
  });
});
