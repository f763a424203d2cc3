import { describe, expect, it } from "vitest";
import { DEFAULT_TRIAGE_RULES, effectiveTriageRules, matchingReasons, triageRulesSchema, type TriageRules } from "./rules";

const quiet = { errorCount: 0, flags: [], latencyMs: 800, scores: [] };
const all: TriageRules = {
  error: true, thumbsDown: true, lowScores: [{ scoreName: "faithfulness", below: 0.5 }], faithfulness: { enabled: true, below: 0.5 }, slow: { enabled: true, aboveMs: 5000 },
  pii: true, injection: true, uncertainty: true, guardrailBlocked: true,
};

describe("triage rules", () => {
  it("defaults: error, thumbs down, injection and guardrail blocked on; the rest off", () => {
    expect(matchingReasons(DEFAULT_TRIAGE_RULES, quiet)).toEqual([]);
    expect(matchingReasons(DEFAULT_TRIAGE_RULES, { ...quiet, errorCount: 1, flags: ["injection", "pii", "uncertainty"], latencyMs: 60_000 })).toEqual(["error", "injection"]);
    expect(matchingReasons(DEFAULT_TRIAGE_RULES, { ...quiet, scores: [{ name: "user_feedback", value: 0 }] })).toEqual(["thumbs_down"]);
    expect(matchingReasons(DEFAULT_TRIAGE_RULES, { ...quiet, scores: [{ name: "user_feedback", value: 1 }] })).toEqual([]);
    expect(matchingReasons(DEFAULT_TRIAGE_RULES, { ...quiet, flags: ["guardrail_blocked", "guardrail_masked"] })).toEqual(["guardrail_blocked"]);
    expect(matchingReasons({ ...DEFAULT_TRIAGE_RULES, guardrailBlocked: false }, { ...quiet, flags: ["guardrail_blocked"] })).toEqual([]);
  });

  it("gives every matching reason at once, in a fixed order", () => {
    const t = { errorCount: 2, flags: ["guardrail_blocked", "uncertainty", "pii", "injection"], latencyMs: 5001, scores: [{ name: "user_feedback", value: 0 }, { name: "faithfulness", value: 0.2 }] };
    expect(matchingReasons(all, t)).toEqual(["error", "thumbs_down", "low_score", "unfaithful", "slow", "pii", "injection", "uncertainty", "guardrail_blocked"]);
  });

  it("thresholds are strict: at the threshold is not below/above it", () => {
    expect(matchingReasons(all, { ...quiet, latencyMs: 5000, scores: [{ name: "faithfulness", value: 0.5 }] })).toEqual([]);
    expect(matchingReasons(all, { ...quiet, scores: [{ name: "other", value: 0 }, { name: "faithfulness", value: null }] })).toEqual([]);
  });

  it("falls back to the defaults per key for null, garbage and older partial values", () => {
    expect(effectiveTriageRules(null)).toEqual(DEFAULT_TRIAGE_RULES);
    expect(effectiveTriageRules("nope")).toEqual(DEFAULT_TRIAGE_RULES);
    expect(effectiveTriageRules({ pii: true })).toEqual({ ...DEFAULT_TRIAGE_RULES, pii: true });
    expect(effectiveTriageRules({ pii: "yes", error: false, slow: { enabled: true, aboveMs: "soon" } })).toEqual({ ...DEFAULT_TRIAGE_RULES, error: false });
  });

  it("rejects duplicate score names and nonsense thresholds, saying where", () => {
    const dup = triageRulesSchema.safeParse({ ...all, lowScores: [{ scoreName: "a", below: 1 }, { scoreName: "a", below: 2 }] });
    expect(dup.success).toBe(false);
    expect(dup.error?.issues[0]?.path).toEqual(["lowScores", 1, "scoreName"]);
    expect(triageRulesSchema.safeParse({ ...all, slow: { enabled: true, aboveMs: 0 } }).success).toBe(false);
    expect(triageRulesSchema.safeParse({ ...all, lowScores: [{ scoreName: " ", below: 1 }] }).success).toBe(false);
  });
});

describe("faithfulness below T", () => {
  const rules = { ...DEFAULT_TRIAGE_RULES, faithfulness: { enabled: true, below: 0.7 } };
  it("fires on a faithfulness score below the threshold, by name or by the evaluator that wrote it", () => {
    expect(matchingReasons(rules, { ...quiet, scores: [{ name: "faithfulness", value: 0.5 }] })).toEqual(["unfaithful"]);
    expect(matchingReasons(rules, { ...quiet, scores: [{ name: "rag-groundedness", value: 0.5, evaluator: "faithfulness" }] })).toEqual(["unfaithful"]);
    expect(matchingReasons(rules, { ...quiet, scores: [{ name: "faithfulness", value: 0.7 }] })).toEqual([]);
    expect(matchingReasons(rules, { ...quiet, scores: [{ name: "answer_relevancy", value: 0.1 }] })).toEqual([]);
    expect(matchingReasons(DEFAULT_TRIAGE_RULES, { ...quiet, scores: [{ name: "faithfulness", value: 0 }] })).toEqual([]);
  });
});
