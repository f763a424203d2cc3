import { describe, expect, it } from "vitest";
import { percentile, summarizeRun } from "./summarize-run";

const item = (passed: boolean, latencyMs: number, score: number, status = "done") => ({
  status, passed, latencyMs, cost: 0.001, scores: { "0:exact_match": { passed, score, status: passed ? "passed" : "failed" } },
});

describe("summarizeRun", () => {
  it("computes pass rate over every item, evaluator means, nearest-rank percentiles and the cost", () => {
    const items = [item(true, 10, 1), item(true, 20, 1), item(false, 30, 0), { status: "failed", passed: false, latencyMs: null, cost: null, scores: null }];
    const { summary, passed } = summarizeRun({ total: 4, items, evaluators: [{ key: "0:exact_match", type: "exact_match", required: false, minPassRate: null }], minPassRate: 0.5 });
    expect(summary).toMatchObject({ total: 4, done: 4, passed: 2, failures: 1, passRate: 0.5, latencyP50Ms: 20, latencyP95Ms: 30, cost: 0.003 });
    expect(summary.evaluators["0:exact_match"]).toMatchObject({ mean: 2 / 3, passRate: 0.5, scored: 3 });
    expect(passed).toBe(true);
  });
  it("fails the run when a required evaluator misses its own minimum", () => {
    const items = [item(true, 10, 1), item(false, 10, 0)];
    const r = summarizeRun({ total: 2, items, evaluators: [{ key: "0:exact_match", type: "exact_match", required: true, minPassRate: 0.9 }], minPassRate: 0.5 });
    expect(r.passed).toBe(false);
  });
  it("never passes an empty run", () => {
    expect(summarizeRun({ total: 0, items: [], evaluators: [], minPassRate: 0 }).passed).toBe(false);
  });
  it("percentile is nearest-rank", () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([], 50)).toBeNull();
  });
});
