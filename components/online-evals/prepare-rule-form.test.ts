import { describe, expect, it } from "vitest";
import { buildRuleInput, initialRuleForm } from "./prepare-rule-form";

describe("online evaluation rule form", () => {
  it("builds a request with the production default and only the filters given", () => {
    const form = { ...initialRuleForm(), name: "short answers", sampleRate: "25", tags: "support, vip", evaluator: { type: "length", params: '{ "max": 600 }', threshold: "", required: false } };
    expect(buildRuleInput(form)).toEqual({
      ok: true,
      input: { name: "short answers", enabled: true, sampleRate: 25, evaluator: { type: "length", max: 600 }, filter: { environment: "production", tags: ["support", "vip"] } },
    });
  });

  it("says what is wrong instead of sending it", () => {
    expect(buildRuleInput({ ...initialRuleForm(), name: "x", sampleRate: "120" })).toEqual({ ok: false, error: "Sample rate must be 0–100 %" });
    expect(buildRuleInput({ ...initialRuleForm(), name: "x", evaluator: { type: "length", params: "{", threshold: "", required: false } })).toMatchObject({ ok: false });
    expect(buildRuleInput(initialRuleForm())).toEqual({ ok: false, error: "Give the rule a name" });
  });

  it("round-trips a stored rule, any environment as empty", () => {
    const form = initialRuleForm({
      id: "r", name: "judge", enabled: false, sampleRate: 5, filter: { environment: null, promptName: "support", promptVersion: 3 },
      evaluator: { type: "llm_judge", rubric: "ok?", threshold: 4 }, connectionId: "c1", model: "gpt-4o-mini", scoreName: "judge",
      stats: { evaluated: 0, meanScore: null, errors: 0, lastError: null, lastErrorAt: null, lastRunAt: null, judgeCalls: 0, cost: 0, escalated: 0, escalationRate: null }, createdAt: "", updatedAt: "",
    });
    expect(buildRuleInput(form)).toEqual({
      ok: true,
      input: { name: "judge", enabled: false, sampleRate: 5, evaluator: { type: "llm_judge", rubric: "ok?", threshold: 4 }, filter: { environment: null, promptName: "support", promptVersion: 3 }, connectionId: "c1", model: "gpt-4o-mini" },
    });
  });
});
