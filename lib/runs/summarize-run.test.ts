import { describe, expect, it } from "vitest";
import { percentile, summarizeRun, summarizeTiered } from "./summarize-run";

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

describe("tiered judge totals", () => {
  const judged = (escalated: boolean, cost: number | null, strongOnlyCost: number | null, status = "passed") => ({
    status: "done", passed: status === "passed", latencyMs: 5, cost: 0,
    scores: { llm_judge: { passed: status === "passed", score: status === "passed" ? 5 : null, status, usage: { cost }, details: { tiered: { escalated, strongOnlyCost } } } },
  });
  const evaluators = [{ key: "llm_judge", type: "llm_judge", required: false, minPassRate: null, tiered: true }];

  it("counts escalations and saves the strong-only estimate minus the actual cost", () => {
    const items = [judged(false, 0.001, 0.02), judged(true, 0.031, 0.03), judged(false, 0.002, 0.025, "judge_error"), judged(false, 0.001, 0.02), { status: "failed", passed: false, latencyMs: null, cost: null, scores: null }];
    const { summary } = summarizeRun({ total: 5, items, evaluators, minPassRate: 0 });
    expect(summary.evaluators.llm_judge!.tiered).toEqual({ judged: 4, escalated: 1, escalationRate: 0.25, cost: 0.035, strongOnlyCost: 0.095, costSaved: 0.06 });
  });
  it("has no cost figures when a call was unpriced, and no tiered block for a plain judge", () => {
    const { summary } = summarizeRun({ total: 2, items: [judged(false, 0.001, null), judged(true, null, null)], evaluators, minPassRate: 0 });
    expect(summary.evaluators.llm_judge!.tiered).toEqual({ judged: 2, escalated: 1, escalationRate: 0.5, cost: null, strongOnlyCost: null, costSaved: null });
    const plain = summarizeRun({ total: 1, items: [judged(false, 0.001, 0.02)], evaluators: [{ ...evaluators[0]!, tiered: false }], minPassRate: 0 });
    expect(plain.summary.evaluators.llm_judge!.tiered).toBeUndefined();
    expect(summarizeTiered([])).toEqual({ judged: 0, escalated: 0, escalationRate: 0, cost: 0, strongOnlyCost: 0, costSaved: 0 });
  });
  it("counts self-consistency flags", () => {
    const sc = (flagged: boolean) => ({ status: "done", passed: !flagged, latencyMs: 1, cost: 0, scores: { self_consistency: { passed: !flagged, score: flagged ? 0.2 : 0.9, status: flagged ? "failed" : "passed", details: { flagged } } } });
    const { summary } = summarizeRun({ total: 3, items: [sc(true), sc(false), sc(true)], evaluators: [{ key: "self_consistency", type: "self_consistency", required: false, minPassRate: null }], minPassRate: 0 });
    expect(summary.evaluators.self_consistency).toMatchObject({ flagged: 2, passRate: 1 / 3 });
  });
});
