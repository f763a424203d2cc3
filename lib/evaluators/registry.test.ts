import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { EVALUATOR_TYPES, parseEvaluatorSpec, runEvaluator } from "./registry";
import { cosine, embeddingSimilarity, embeddingSimilarityParams } from "./embedding-similarity";

describe("evaluator registry", () => {
  it("maps every public type name", () => {
    for (const t of ["exact_match", "contains", "regex", "json_valid", "json_schema", "numeric", "length", "embedding_similarity", "llm_judge", "self_consistency"]) expect(EVALUATOR_TYPES).toContain(t);
  });

  it("parses { type, ...params } with defaults and runs it", async () => {
    const spec = parseEvaluatorSpec({ type: "contains", value: "paris", threshold: 1 });
    expect(spec).toEqual({ type: "contains", params: { value: "paris", caseSensitive: false, threshold: 1 } });
    expect(await runEvaluator(spec, { input: "q", output: "Paris!" })).toMatchObject({ status: "passed" });
  });

  it("names the field of a bad spec", () => {
    const fail = (v: unknown) => {
      try {
        parseEvaluatorSpec(v);
      } catch (error) {
        return (error as ZodError).issues[0]!;
      }
      throw new Error("expected a ZodError");
    };
    expect(fail({ type: "bleu" })).toMatchObject({ path: ["type"], message: expect.stringMatching(/^must be one of exact_match/) });
    expect(fail({ type: "regex", pattern: "(x+x+)+y" }).path).toEqual(["pattern"]);
    expect(fail({ type: "llm_judge", rubric: "r", threshold: 9 }).path).toEqual(["threshold"]);
    expect(fail({ type: "numeric", tolerance: -1 }).path).toEqual(["tolerance"]);
  });

  it("llm_judge without a judge connection is an error, never a pass", async () => {
    const r = await runEvaluator(parseEvaluatorSpec({ type: "llm_judge", rubric: "Is {{output}} right?" }), { input: "q", output: "a" });
    expect(r).toMatchObject({ status: "error", passed: false, score: null, threshold: 4 });
  });
});

describe("embedding_similarity", () => {
  it("scores paraphrases above unrelated text with the offline embedder, deterministically", async () => {
    const p = embeddingSimilarityParams.parse({ threshold: 0.5 });
    const near = await embeddingSimilarity(p, { input: "", output: "The refund arrives within three business days", expectedOutput: "Refunds arrive within 3 business days" });
    const far = await embeddingSimilarity(p, { input: "", output: "Our office is closed on Sundays", expectedOutput: "Refunds arrive within 3 business days" });
    expect(near.score!).toBeGreaterThan(far.score!);
    expect(near.passed).toBe(true);
    expect(far.passed).toBe(false);
    expect((await embeddingSimilarity(p, { input: "", output: "same", expectedOutput: "same" })).score).toBeCloseTo(1, 5);
    expect((await embeddingSimilarity(p, { input: "", output: "x" })).status).toBe("error");
    expect(cosine(new Float32Array([1, 0]), new Float32Array([0, 0]))).toBe(0);
  });
});
