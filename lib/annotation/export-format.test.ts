import { describe, expect, it } from "vitest";
import { exportRows } from "./export-format";
import { parsePairFile } from "./pair-file";
import { leftSideFor, pickToChoice } from "./screen-side";

const pair = { id: "p1", prompt: [{ role: "system", content: "Be brief." }, { role: "user", content: "Hi?" }], responseA: "hello", responseB: "bye", label: "B" as const };

describe("export rows", () => {
  it("DPO standard and conversational forms take chosen from the final label", () => {
    expect(exportRows(pair, { format: "dpo", style: "standard", includeUndesirable: false })).toEqual([{ prompt: "Be brief.\n\nHi?", chosen: "bye", rejected: "hello", pair_id: "p1" }]);
    expect(exportRows(pair, { format: "dpo", style: "conversational", includeUndesirable: false })).toEqual([
      { prompt: [{ role: "system", content: "Be brief." }, { role: "user", content: "Hi?" }], chosen: [{ role: "assistant", content: "bye" }], rejected: [{ role: "assistant", content: "hello" }], pair_id: "p1" },
    ]);
  });
  it("KTO: desirable and undesirable rows; ties only when asked", () => {
    expect(exportRows({ ...pair, prompt: "q", label: "A" }, { format: "kto", style: "standard", includeUndesirable: false })).toEqual([
      { prompt: "q", completion: "hello", label: true, pair_id: "p1" },
      { prompt: "q", completion: "bye", label: false, pair_id: "p1" },
    ]);
    expect(exportRows({ ...pair, label: "tie" }, { format: "kto", style: "standard", includeUndesirable: false })).toEqual([]);
    expect(exportRows({ ...pair, label: "both_bad" }, { format: "kto", style: "standard", includeUndesirable: true }).map((r) => (r as { label: boolean }).label)).toEqual([false, false]);
    expect(exportRows({ ...pair, label: "tie" }, { format: "dpo", style: "standard", includeUndesirable: true })).toEqual([]);
  });
});

describe("screen side", () => {
  it("is stable per (pair, annotator), varies across pairs, and maps picks back to A/B", () => {
    expect(leftSideFor("p1", "u1")).toBe(leftSideFor("p1", "u1"));
    const sides = new Set(Array.from({ length: 40 }, (_, i) => leftSideFor(`p${i}`, "u1")));
    expect(sides).toEqual(new Set(["A", "B"]));
    expect(pickToChoice("left", "B")).toBe("B");
    expect(pickToChoice("right", "B")).toBe("A");
    expect(pickToChoice("right", "A")).toBe("B");
    expect(pickToChoice("tie", "A")).toBe("tie");
  });
});

describe("pair file", () => {
  it("reports every bad line by number", () => {
    const text = ['{"prompt":"q","response_a":"a","response_b":"b"}', "", "{oops", '{"prompt":"q","response_a":"a"}', "[1]", '{"prompt":"q","response_a":{"x":1},"response_b":"b","metadata":{"k":1}}'].join("\n");
    const { pairs, errors } = parsePairFile(text);
    expect(pairs.map((p) => p.line)).toEqual([1, 6]);
    expect(pairs[1]!.responseA).toContain('"x": 1');
    expect(errors.map((e) => e.line)).toEqual([3, 4, 5]);
    expect(errors[1]!.message).toContain("response_b");
  });
});
