import { describe, expect, it } from "vitest";
import { answerText, bestCoverage, coverage, passagesOf, questionText, sentencesOf, termsOf } from "./rag-text";

describe("RAG text helpers", () => {
  it("splits English and Korean answers into sentences", () => {
    expect(sentencesOf("Refunds take 5 days. They go to the card! Any questions?")).toEqual(["Refunds take 5 days.", "They go to the card!", "Any questions?"]);
    expect(sentencesOf("환불은 7일 이내에 가능합니다. 카드로 돌려받습니다.\n감사합니다")).toEqual(["환불은 7일 이내에 가능합니다.", "카드로 돌려받습니다.", "감사합니다"]);
  });

  it("reads the question and the answer from strings, objects and chat messages", () => {
    expect(questionText({ question: "Q?" })).toBe("Q?");
    expect(questionText([{ role: "system", content: "s" }, { role: "user", content: [{ type: "text", text: "환불?" }] }])).toBe("환불?");
    expect(answerText({ role: "assistant", content: "A." })).toBe("A.");
    expect(answerText({ answer: "B." })).toBe("B.");
    expect(answerText([{ role: "user", content: "q" }, { role: "assistant", content: "C." }])).toBe("C.");
  });

  it("reads contexts given as strings or documents, dropping empty ones", () => {
    expect(passagesOf(["a", { id: "d2", content: "b" }, { page_content: "c" }, { id: 3, text: "d" }, "", { id: "x" }, 4])).toEqual([
      { id: null, content: "a" }, { id: "d2", content: "b" }, { id: null, content: "c" }, { id: "3", content: "d" },
    ]);
    expect(passagesOf("not a list")).toEqual([]);
  });

  it("measures lexical coverage without stop words, Korean by character bigrams", () => {
    expect([...termsOf("The refund takes 5 days")]).toEqual(["refund", "takes", "5", "days"]);
    expect(coverage(termsOf("refund takes 5 days"), termsOf("A refund takes about 5 business days."))).toBe(1);
    expect(coverage(termsOf("refund takes 9 weeks"), termsOf("A refund takes 5 days."))).toBe(0.5);
    // 환불은 / 환불이: the particle differs, the bigram 환불 matches.
    expect(coverage(termsOf("환불은"), termsOf("환불이"))).toBe(0.5);
    expect(bestCoverage("refund takes 5 days", [termsOf("shipping is free"), termsOf("refund takes 5 days")])).toEqual({ overlap: 1, best: 1 });
    expect(bestCoverage("x", [])).toEqual({ overlap: 0, best: -1 });
  });
});
