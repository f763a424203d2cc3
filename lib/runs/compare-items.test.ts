import { describe, expect, it } from "vitest";
import { type CompareItem, compareItems, itemChange } from "./compare-items";

const item = (itemId: string, position: number, passed: boolean | null, score: number | null = null): CompareItem => ({
  itemId, position, input: { q: itemId }, expectedOutput: null, output: `out ${itemId}`, status: passed === null ? "pending" : "done", error: null,
  passed, latencyMs: 10, cost: 0.001, traceId: null,
  scores: score === null ? null : { sim: { type: "numeric", status: "ok", passed: passed === true, score, threshold: 0.5, reason: "" } },
});
const refs = [{ id: "A", evaluators: [{ key: "sim", type: "numeric" }] }, { id: "B", evaluators: [{ key: "sim", type: "numeric" }] }];

describe("itemChange", () => {
  it("is regressed on pass → fail in any later run, improved on fail → pass, unpaired without both verdicts", () => {
    expect(itemChange(true, [false])).toBe("regressed");
    expect(itemChange(true, [true, false])).toBe("regressed");
    expect(itemChange(false, [true])).toBe("improved");
    expect(itemChange(true, [true])).toBe("unchanged");
    expect(itemChange(false, [false])).toBe("unchanged");
    expect(itemChange(null, [true])).toBe("unpaired");
    expect(itemChange(true, [undefined])).toBe("unpaired");
  });
});

describe("compareItems", () => {
  it("orders regressions first, then improvements, then the rest, each in the baseline's order", () => {
    const a = [item("i0", 0, true), item("i1", 1, false), item("i2", 2, true), item("i3", 3, true), item("i4", 4, false), item("i5", 5, true)];
    const b = [item("i0", 0, true), item("i1", 1, true), item("i2", 2, false), item("i3", 3, true), item("i4", 4, false), item("i5", 5, false)];
    const { rows, comparisons } = compareItems(refs, [a, b]);
    expect(rows.map((r) => [r.itemId, r.change])).toEqual([
      ["i2", "regressed"], ["i5", "regressed"], ["i1", "improved"], ["i0", "unchanged"], ["i3", "unchanged"], ["i4", "unchanged"],
    ]);
    expect(rows[0]!.cells.map((c) => c?.output)).toEqual(["out i2", "out i2"]);
    expect(comparisons[0]).toMatchObject({ runId: "B", baselineRunId: "A", pairs: 6, baselinePassRate: 4 / 6, passRate: 3 / 6, mcnemar: { regressed: 2, improved: 1, discordant: 3, pValue: 1 } });
  });
  it("pairs only items both runs have; an item missing from a run is unpaired and last", () => {
    const { rows, comparisons } = compareItems(refs, [[item("i0", 0, true), item("i1", 1, true)], [item("i1", 0, false), item("i9", 1, true)]]);
    expect(rows.map((r) => [r.itemId, r.change])).toEqual([["i1", "regressed"], ["i0", "unpaired"], ["i9", "unpaired"]]);
    expect(rows[1]!.cells[1]).toBeNull();
    expect(comparisons[0]!.pairs).toBe(1);
  });
  it("runs Wilcoxon on each shared numeric evaluator over the pairs with both scores", () => {
    const a = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6].map((s, i) => item(`i${i}`, i, s >= 0.5, s));
    const b = [0.9, 0.8, 0.7, 0.95, 0.85, 0.75].map((s, i) => item(`i${i}`, i, s >= 0.5, s));
    const sim = compareItems(refs, [a, b]).comparisons[0]!.evaluators[0]!;
    expect(sim).toMatchObject({ key: "sim", pairs: 6, wilcoxon: { n: 6, wPlus: 21, wMinus: 0, method: "exact" } });
    expect(sim.wilcoxon.pValue).toBeCloseTo(2 / 64, 12);
    expect(sim.mean! - sim.baselineMean!).toBeCloseTo(0.825 - 0.35, 12);
    expect(sim.passes).toMatchObject({ regressed: 0, improved: 4 });
  });
});
