import { describe, expect, it } from "vitest";
import { agreementOf, jaccard, tokenSet } from "./agreement";
import { parseEvaluatorSpec, runEvaluator } from "./registry";

describe("agreementOf", () => {
  const same = ["Paris is the capital of France.", "Paris is the capital of France.", "Paris is the capital of France."];
  const varied = ["Paris is the capital of France.", "The capital is Lyon, founded in 43 BC.", "Marseille, a port city, holds that role."];

  it("is 1 for identical samples and low for answers that change, under either similarity", () => {
    for (const similarity of ["embedding", "token"] as const) {
      expect(agreementOf(same, similarity)).toEqual({ agreement: 1, minPair: 1, pairs: 3 });
      const v = agreementOf(varied, similarity);
      expect(v.pairs).toBe(3);
      expect(v.agreement, similarity).toBeLessThan(0.5);
      expect(v.minPair).toBeLessThanOrEqual(v.agreement);
    }
  });

  it("scores paraphrases between the two, and is deterministic", () => {
    const para = ["Paris is the capital of France.", "The capital of France is Paris."];
    expect(agreementOf(para, "token").agreement).toBe(1);
    const e = agreementOf(para, "embedding").agreement;
    expect(e).toBeGreaterThan(0.5);
    expect(agreementOf(para, "embedding").agreement).toBe(e);
  });

  it("mean of the pairs: two agree and one differs", () => {
    const t = agreementOf(["a b", "a b", "c d"], "token");
    expect(t).toEqual({ agreement: 0.333333, minPair: 0, pairs: 3 });
    expect(agreementOf(["", ""], "embedding").agreement).toBe(1);
    expect(agreementOf(["", "x"], "token").agreement).toBe(0);
  });

  it("tokenizes any script: Korean words are tokens", () => {
    expect(tokenSet("환불은 5일 이내, Refund!")).toEqual(new Set(["환불은", "5일", "이내", "refund"]));
    expect(jaccard(new Set(["a", "b"]), new Set(["b", "c"]))).toBeCloseTo(1 / 3, 12);
  });
});

describe("self_consistency", () => {
  it("defaults to 5 samples at temperature 1, threshold 0.7, embedding similarity, and checks its params", () => {
    expect(parseEvaluatorSpec({ type: "self_consistency" }).params).toEqual({ samples: 5, temperature: 1, threshold: 0.7, similarity: "embedding" });
    expect(() => parseEvaluatorSpec({ type: "self_consistency", samples: 1 })).toThrow();
    expect(() => parseEvaluatorSpec({ type: "self_consistency", samples: 11 })).toThrow();
    expect(() => parseEvaluatorSpec({ type: "self_consistency", temperature: 0 })).toThrow();
    expect(() => parseEvaluatorSpec({ type: "self_consistency", similarity: "bleu" })).toThrow();
  });

  it("re-asks the subject samples − 1 times, flags low agreement and adds the calls' usage", async () => {
    const asked: unknown[] = [];
    let n = 0;
    const subject = {
      async complete(o: { input: unknown; temperature?: number }) {
        asked.push(o);
        n++;
        return { output: `answer number ${n} about ${n % 2 ? "rivers" : "mountains"}`, usage: { calls: 1, inputTokens: 10, outputTokens: 5, cost: 0.001, latencyMs: 3 } };
      },
    };
    const spec = parseEvaluatorSpec({ type: "self_consistency", samples: 4, temperature: 0.9, similarity: "token" });
    const r = await runEvaluator(spec, { input: { q: 1 }, output: "something else entirely" }, { subject });
    expect(asked).toEqual([{ input: { q: 1 }, temperature: 0.9, signal: undefined }, { input: { q: 1 }, temperature: 0.9, signal: undefined }, { input: { q: 1 }, temperature: 0.9, signal: undefined }]);
    expect(r).toMatchObject({ status: "failed", passed: false, threshold: 0.7, usage: { calls: 3, inputTokens: 30, outputTokens: 15, cost: 0.003, latencyMs: 9 } });
    expect(r.details).toMatchObject({ flagged: true, similarity: "token", samples: ["something else entirely", "answer number 1 about rivers", "answer number 2 about mountains", "answer number 3 about rivers"] });
    expect(r.reason).toMatch(/below 0.7: flagged/);
  });

  it("cannot score without a subject (supplied outputs)", async () => {
    const r = await runEvaluator(parseEvaluatorSpec({ type: "self_consistency" }), { input: "q", output: "a" });
    expect(r).toMatchObject({ status: "error", passed: false, score: null });
  });
});
