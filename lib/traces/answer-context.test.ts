import { describe, expect, it } from "vitest";
import { answerContext, answerSpan } from "./answer-context";

const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));

describe("answerContext", () => {
  const spans = [
    { id: "root", kind: "chain", startTime: at(0), endTime: at(10), output: null },
    { id: "rewrite", kind: "llm", startTime: at(1), endTime: at(2), output: "rewritten" },
    { id: "r2", kind: "retriever", startTime: at(4), endTime: at(5), output: [{ id: "c", content: "C", score: 0.3 }] },
    { id: "r1", kind: "retriever", startTime: at(3), endTime: at(4), output: [{ id: "a", content: "A", score: 0.9 }, { id: "b", content: "B", score: 0.8 }] },
    { id: "answer", kind: "llm", startTime: at(6), endTime: at(9), output: "answer" },
    { id: "late", kind: "retriever", startTime: at(7), endTime: at(8), output: [{ id: "z", content: "Z" }] },
  ];

  it("is the documents of the retrievers that started before the LLM span, retrievers in start order, documents in rank order", () => {
    expect(answerContext(spans, "answer").map((d) => [d.spanId, d.id, d.position, d.score])).toEqual([
      ["r1", "a", 0, 0.9], ["r1", "b", 1, 0.8], ["r2", "c", 0, 0.3],
    ]);
  });

  it("is empty for an LLM span with no retriever before it, and for an unknown span", () => {
    expect(answerContext(spans, "rewrite")).toEqual([]);
    expect(answerContext(spans, "nope")).toEqual([]);
  });

  it("skips retrievers whose output is not a document list", () => {
    expect(answerContext([{ ...spans[3]!, output: { hits: 3 } }, spans[4]!], "answer")).toEqual([]);
  });

  it("picks the last LLM span to end as the answer", () => {
    expect(answerSpan(spans)?.id).toBe("answer");
    expect(answerSpan(spans.filter((s) => s.kind !== "llm"))).toBeNull();
  });
});
