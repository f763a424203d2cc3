import { describe, expect, it } from "vitest";
import { rankedPrecision } from "./context-precision";
import { parseStrictJson } from "./ask-json";
import { checkStatements, checkVerdicts, statementsMessages, verdictMessages, verdictsSchema } from "./rag-prompts";

describe("RAG prompts and strict answers", () => {
  it("numbers sentences, passages and statements one per line and names the task", () => {
    const m = statementsMessages("Q?", ["One.", "Two\nlines."]);
    expect(m[0]!.content).toMatch(/^Pharos RAG evaluator\. task: statements\n/);
    expect(m[1]!.content).toBe("Question: Q?\nSentences:\n[S1] One.\n[S2] Two lines.");
    expect(verdictMessages("support", ["a"], { passages: ["p1", "p2"] })[1]!.content).toBe("Passages:\n[P1] p1\n[P2] p2\nStatements:\n[S1] a");
    expect(verdictMessages("useful", ["p1"], { question: "q", expected: "e" })[1]!.content).toBe("Question: q\nExpected answer: e\nPassages:\n[P1] p1");
  });

  it("accepts exactly one verdict per item, and statements citing existing sentences", () => {
    const parse = (s: string, n: number) => parseStrictJson(s, verdictsSchema, checkVerdicts(n));
    expect(parse('```json\n{"verdicts":[{"id":1,"verdict":"yes","reason":"r"}]}\n```', 1)).toMatchObject({ ok: true });
    expect(parse('{"verdicts":[{"id":1,"verdict":"yes","reason":"r"},{"id":1,"verdict":"no","reason":"r"}]}', 2)).toEqual({ ok: false, problem: "verdicts: item 1 has two verdicts" });
    expect(parse('{"verdicts":[{"id":3,"verdict":"yes","reason":"r"}]}', 2)).toEqual({ ok: false, problem: "verdicts: item 3 does not exist (there are 2)" });
    expect(parse('{"verdicts":[{"id":1,"verdict":"maybe","reason":"r"}]}', 1)).toMatchObject({ ok: false, problem: expect.stringMatching(/^verdicts\.0\.verdict: /) });
    expect(parse("Sure! {\"verdicts\": []}", 0)).toMatchObject({ ok: false, problem: expect.stringMatching(/^not JSON/) });
    expect(checkStatements(2)({ statements: [{ sentence: 3, text: "x" }] })).toBe("statements: sentence 3 does not exist (there are 2)");
  });

  it("ranked precision: 1 when the useful passages lead, lower further down, 0 with none", () => {
    expect(rankedPrecision([true, true, false])).toBe(1);
    expect(rankedPrecision([false, true, true])).toBe(Math.round(((1 / 2 + 2 / 3) / 2) * 1e6) / 1e6);
    expect(rankedPrecision([false, false, true])).toBe(Math.round((1 / 3) * 1e6) / 1e6);
    expect(rankedPrecision([false, false])).toBe(0);
  });
});
