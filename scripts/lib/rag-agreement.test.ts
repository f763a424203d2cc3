import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { agreement, parseTriples } from "./rag-agreement";

const line = (o: object) => JSON.stringify({ id: "x", lang: "en", question: "q", contexts: ["c"], answer: "A one. B two.", unsupported: [], ...o });

describe("RAG quality set", () => {
  it("ships about 60 English and Korean triples whose labels are sentences of their answers", () => {
    const triples = parseTriples(readFileSync(path.join(import.meta.dirname, "../../eval/rag-quality/triples.jsonl"), "utf8"));
    expect(triples.length).toBeGreaterThanOrEqual(55);
    expect(new Set(triples.map((t) => t.lang))).toEqual(new Set(["en", "ko"]));
    expect(triples.filter((t) => t.lang === "ko").length).toBeGreaterThanOrEqual(25);
    // Both classes are well represented.
    const labels = triples.flatMap((t) => t.labels);
    expect(labels.filter(Boolean).length).toBeGreaterThan(25);
    expect(labels.filter((l) => !l).length).toBeGreaterThan(60);
  });

  it("refuses a label that is not one of the answer's sentences, and duplicate ids", () => {
    expect(() => parseTriples(line({ unsupported: ["B two"] }))).toThrow(/not one of the answer's sentences/);
    expect(() => parseTriples(`${line({})}\n${line({})}`)).toThrow(/used twice/);
    expect(parseTriples(line({ unsupported: ["B two."] }))[0]!.labels).toEqual([false, true]);
  });

  it("measures sentence precision, recall, F1 and kappa, the score error and the triple agreement by hand-computable counts", () => {
    const [a, b] = [parseTriples(line({ id: "a", unsupported: ["B two."] }))[0]!, parseTriples(line({ id: "b" }))[0]!];
    const c = parseTriples(line({ id: "c", unsupported: ["A one."] }))[0]!;
    const r = agreement([
      { triple: a, predicted: [false, true], score: 0.5, calls: 2, cost: 0.001 }, // TN, TP
      { triple: b, predicted: [true, false], score: 0.5, calls: 2, cost: 0.001 }, // FP, TN
      { triple: c, predicted: null, score: null, error: "judge error", calls: 2, cost: 0.001 },
    ]);
    expect(r).toMatchObject({ triples: 3, scored: 2, errors: 1, sentences: 4, truePositives: 1, falsePositives: 1, falseNegatives: 0, trueNegatives: 2, precision: 0.5, recall: 1, calls: 6, cost: 0.003 });
    expect(r.f1).toBeCloseTo(2 / 3, 10);
    // po = 3/4; pe = (2·1 + 2·3) / 16 = 0.5; kappa = 0.5.
    expect(r.kappa).toBeCloseTo(0.5, 10);
    // |0.5 − 0.5| and |0.5 − 1| → 0.25; a: both not faithful, b: labels faithful, evaluator not.
    expect(r.scoreMae).toBeCloseTo(0.25, 10);
    expect(r.tripleAgreement).toBe(0.5);
  });
});
