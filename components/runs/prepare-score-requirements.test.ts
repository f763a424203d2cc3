import { describe, expect, it } from "vitest";
import type { RunsComparisonResponse } from "@/lib/queries/runs/keys";
import { requirementRows, requirementsFromParams, sharedEvaluatorKeys } from "./prepare-score-requirements";

const run = (id: string, means: Record<string, number | null>) => ({ id, summary: { evaluators: Object.fromEntries(Object.entries(means).map(([k, mean]) => [k, { mean }])) } });
const comparison = { runs: [run("base", { faithfulness: 0.95, conciseness: 0.8 }), run("b", { faithfulness: 0.91, conciseness: 0.9 }), run("c", { faithfulness: 0.96 })] } as unknown as RunsComparisonResponse;

describe("score requirements in the compare view", () => {
  it("reads requirements from the link, skipping what does not read", () => {
    expect(requirementsFromParams(["faithfulness:0.9:0.03,bad", "conciseness::0.1"])).toEqual([{ evaluator: "faithfulness", min: 0.9, maxDrop: 0.03 }, { evaluator: "conciseness", maxDrop: 0.1 }]);
  });

  it("checks each later run against the baseline like the approval gate", () => {
    const rows = requirementRows(comparison, [{ evaluator: "faithfulness", min: 0.9, maxDrop: 0.03 }]);
    expect(rows.map((r) => [r.runId, r.checks[0]!.met, r.checks[0]!.drop])).toEqual([["b", false, 0.04], ["c", true, -0.01]]);
  });

  it("offers the evaluator keys every run has", () => {
    expect(sharedEvaluatorKeys(comparison)).toEqual(["faithfulness"]);
  });
});
