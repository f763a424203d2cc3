import { describe, expect, it } from "vitest";
import { faithfulnessView, unsupportedStatements } from "./faithfulness-view";

const details = {
  sentences: ["Refunds take 5 days; they go to the card.", "Shipping is free worldwide."],
  statements: [
    { sentence: 1, text: "Refunds take 5 days", supported: true, reason: "P1", tier: "cheap", bestPassage: 0 },
    { sentence: 1, text: "Refunds go to the card", supported: true, reason: "P1", tier: "cheap", bestPassage: 0 },
    { sentence: 2, text: "Shipping is free worldwide", supported: false, reason: "only over $50", tier: "strong", bestPassage: 1 },
  ],
  passages: [{ position: 0, id: "kb-1", content: "Refunds take 5 days to the card." }, { position: 1, id: null, content: "Shipping is free over $50." }],
};

describe("faithfulnessView", () => {
  it("marks each sentence with an unsupported statement and keeps the passages checked", () => {
    const v = faithfulnessView(details)!;
    expect(v.sentences.map((s) => [s.index, s.unsupported, s.statements.length])).toEqual([[1, false, 2], [2, true, 1]]);
    expect([v.statementCount, v.unsupportedCount]).toEqual([3, 1]);
    expect(v.passages.map((p) => p.id)).toEqual(["kb-1", null]);
    expect(unsupportedStatements(v)).toEqual([{ sentence: 2, text: "Shipping is free worldwide", reason: "only over $50", bestPassage: 1 }]);
  });

  it("is null for details of another shape", () => {
    expect(faithfulnessView(null)).toBeNull();
    expect(faithfulnessView({ generated: ["q"] })).toBeNull();
  });
});
