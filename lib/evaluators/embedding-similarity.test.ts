import { describe, expect, it } from "vitest";
import { embeddingSimilarity, embeddingSimilarityParams } from "./embedding-similarity";

const expectedOutput = "Refunds arrive within 3 business days";
const paraphrase = "The refund arrives within three business days";
const unrelated = "Our office is closed on Sundays";

describe("embedding_similarity, offline embedder", () => {
  it("defaults to the offline embedder and passes a paraphrase, fails unrelated text at the threshold", async () => {
    const p = embeddingSimilarityParams.parse({ threshold: 0.5 });
    expect(p.embedder).toBe("offline");
    const near = await embeddingSimilarity(p, { input: "", output: paraphrase, expectedOutput });
    const far = await embeddingSimilarity(p, { input: "", output: unrelated, expectedOutput });
    expect(near).toMatchObject({ status: "passed", passed: true, details: { embedder: "offline" } });
    expect(far).toMatchObject({ status: "failed", passed: false });
    expect(near.score!).toBeGreaterThan(0.5);
    expect(far.score!).toBeLessThan(0.5);
    // Deterministic: the same pair scores the same every time, with no provider in the context.
    expect((await embeddingSimilarity(p, { input: "", output: paraphrase, expectedOutput })).score).toBe(near.score);
  });

  it("compares with `expected` when given, and cannot score without any expected text", async () => {
    const p = embeddingSimilarityParams.parse({ expected: unrelated });
    expect((await embeddingSimilarity(p, { input: "", output: unrelated, expectedOutput })).score).toBeCloseTo(1, 5);
    const none = await embeddingSimilarity(embeddingSimilarityParams.parse({}), { input: "", output: "x" });
    expect(none).toMatchObject({ status: "error", passed: false, score: null });
  });

  it("rejects an unknown embedder by field", () => {
    const r = embeddingSimilarityParams.safeParse({ embedder: "openai" });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(["embedder"]);
  });
});

describe("embedding_similarity, provider embedder", () => {
  const p = embeddingSimilarityParams.parse({ embedder: "provider", threshold: 0.9 });

  it("embeds output and expected in one call and scores their cosine", async () => {
    const calls: string[][] = [];
    const embed = async (texts: string[]) => (calls.push(texts), texts.map((t) => (t === expectedOutput ? [1, 0, 0] : [0.96, 0.28, 0])));
    const r = await embeddingSimilarity(p, { input: "", output: paraphrase, expectedOutput }, { embed });
    expect(calls).toEqual([[paraphrase, expectedOutput]]);
    expect(r).toMatchObject({ status: "passed", passed: true, score: 0.96, details: { embedder: "provider" } });
  });

  it("is an error, never a pass, when the provider fails, is missing, or answers mismatched vectors", async () => {
    const failing = await embeddingSimilarity(p, { input: "", output: "a", expectedOutput: "a" }, { embed: async () => { throw new Error("answered 500"); } });
    expect(failing).toMatchObject({ status: "error", passed: false, score: null });
    expect(failing.reason).toContain("answered 500");
    expect(await embeddingSimilarity(p, { input: "", output: "a", expectedOutput: "a" })).toMatchObject({ status: "error", passed: false });
    const mismatched = await embeddingSimilarity(p, { input: "", output: "a", expectedOutput: "b" }, { embed: async () => [[1, 0], [1, 0, 0]] });
    expect(mismatched).toMatchObject({ status: "error", passed: false });
  });
});
