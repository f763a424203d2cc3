import { describe, expect, it } from "vitest";
import type { ChatCompletionResult } from "../llm/chat-completion";
import { escalationDecision, priceAsModel } from "./judge-escalation";
import { parseEvaluatorSpec } from "./registry";

describe("escalationDecision", () => {
  it("escalates a score inside the inclusive band, and nothing outside it", () => {
    const rule = { band: { min: 2.5, max: 3.5 }, samples: 1 };
    expect(escalationDecision([3], rule)).toEqual({ escalate: true, reason: "band", why: "the cheap score 3 is in the uncertain band 2.5–3.5" });
    expect(escalationDecision([2], rule).escalate).toBe(false);
    expect(escalationDecision([4], rule).escalate).toBe(false);
    expect(escalationDecision([3], { band: { min: 3, max: 3 }, samples: 1 })).toMatchObject({ escalate: true, why: "the cheap score 3 is in the uncertain band 3" });
    expect(escalationDecision([3], { band: { min: 4, max: 5 }, samples: 1 }).escalate).toBe(false);
  });

  it("escalates disagreeing samples, before looking at the band", () => {
    expect(escalationDecision([5, 5, 4], { samples: 3 })).toEqual({ escalate: true, reason: "disagreement", why: "the cheap judge's 3 samples disagree (5, 5, 4)" });
    expect(escalationDecision([3, 4], { band: { min: 3, max: 3 }, samples: 2 }).reason).toBe("disagreement");
    expect(escalationDecision([5, 5, 5], { samples: 3 })).toEqual({ escalate: false, reason: null, why: null });
    expect(escalationDecision([3, 3], { band: { min: 3, max: 3 }, samples: 2 }).reason).toBe("band");
    expect(escalationDecision([1, 0], { samples: 2 }).reason).toBe("disagreement");
  });
});

describe("priceAsModel", () => {
  const call = (inputTokens: number, outputTokens: number) => ({ usage: { inputTokens, outputTokens, cachedInputTokens: null, reasoningTokens: null, totalTokens: inputTokens + outputTokens }, startedAt: new Date() }) as unknown as ChatCompletionResult;
  const overrides = [{ id: "strong", modelPattern: "judge-strong", inputPerMillion: 10, outputPerMillion: 30, effectiveFrom: new Date(0) }];

  it("prices the cheap calls' tokens at the strong model's price override", () => {
    expect(priceAsModel({ calls: [call(1000, 100), call(2000, 50)], model: "judge-strong", overrides })).toBeCloseTo((3000 * 10 + 150 * 30) / 1e6, 12);
  });
  it("uses the catalogue like chatCompletion does, and says null when the model has no price", () => {
    expect(priceAsModel({ calls: [call(1_000_000, 0)], model: "gpt-4o" })).toBeCloseTo(2.5, 6);
    expect(priceAsModel({ calls: [call(10, 10)], model: "no-such-model-anywhere" })).toBeNull();
    expect(priceAsModel({ calls: [], model: "judge-strong", overrides })).toBe(0);
  });
});

describe("llm_judge escalation params", () => {
  const parse = (escalation: unknown, extra: object = {}) => parseEvaluatorSpec({ type: "llm_judge", rubric: "r", escalation, ...extra });
  const issue = (escalation: unknown, extra: object = {}) => {
    try {
      parse(escalation, extra);
    } catch (error) {
      return (error as { issues: { path: unknown[]; message: string }[] }).issues[0]!;
    }
    throw new Error("expected a ZodError");
  };
  it("fills defaults: one sample, sampling temperature 0.7", () => {
    expect(parse({ model: "gpt-4o", band: { min: 3, max: 3 } }).params).toMatchObject({ escalation: { model: "gpt-4o", band: { min: 3, max: 3 }, samples: 1, temperature: 0.7 } });
  });
  it("names the field of a tier that could never escalate or makes no sense", () => {
    expect(issue({ model: "gpt-4o" })).toMatchObject({ path: ["escalation"], message: expect.stringMatching(/band or samples/) });
    expect(issue({ model: "gpt-4o", band: { min: 4, max: 3 } }).path).toEqual(["escalation", "band", "max"]);
    expect(issue({ model: "gpt-4o", band: { min: 0, max: 1 } }, { scale: "pass_fail" }).path).toEqual(["escalation", "band", "min"]);
    expect(issue({ model: "gpt-4o", band: { min: 1, max: 1 } }, { scale: "pass_fail" }).path).toEqual(["escalation", "band"]);
    expect(issue({ model: "gpt-4o", samples: 3, temperature: 0 }).path).toEqual(["escalation", "temperature"]);
    expect(issue({ band: { min: 3, max: 3 } }).path).toEqual(["escalation", "model"]);
  });
});
