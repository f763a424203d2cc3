import { describe, expect, it } from "vitest";
import { prepareEvalScoreChart, prepareRagChart } from "./prepare-eval-scores";

describe("prepareEvalScoreChart", () => {
  it("pivots score names into columns by day, with null for days a score was not written", () => {
    const chart = prepareEvalScoreChart([
      { name: "Concise answers", day: "2026-12-01T00:00:00.000Z", mean: 0.8, count: 10 },
      { name: "Helpfulness", day: "2026-12-01T00:00:00.000Z", mean: 4.1, count: 3 },
      { name: "Concise answers", day: "2026-12-02T00:00:00.000Z", mean: 0.6, count: 5 },
    ]);
    expect(chart.names).toEqual(["Concise answers", "Helpfulness"]);
    expect(chart.rows).toEqual([
      { time: Date.parse("2026-12-01T00:00:00.000Z"), "Concise answers": 0.8, Helpfulness: 4.1 },
      { time: Date.parse("2026-12-02T00:00:00.000Z"), "Concise answers": 0.6, Helpfulness: null },
    ]);
  });
});

describe("prepareRagChart", () => {
  it("puts faithfulness and answer relevancy side by side per prompt version, busiest first, ignoring other scores", () => {
    const rows = [
      { name: "faithfulness", promptName: "rag", promptVersion: 1, mean: 0.9, count: 10 },
      { name: "answer_relevancy", promptName: "rag", promptVersion: 1, mean: 0.8, count: 10 },
      { name: "faithfulness", promptName: "rag", promptVersion: 2, mean: 0.6, count: 30 },
      { name: "helpfulness", promptName: "rag", promptVersion: 2, mean: 4, count: 30 },
    ];
    const { data } = prepareRagChart(rows, (r) => `${r.promptName} v${r.promptVersion}`);
    expect(data).toEqual([
      { category: "rag v2", faithfulness: 0.6, answer_relevancy: null },
      { category: "rag v1", faithfulness: 0.9, answer_relevancy: 0.8 },
    ]);
  });
});
