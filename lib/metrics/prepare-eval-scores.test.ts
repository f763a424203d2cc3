import { describe, expect, it } from "vitest";
import { prepareEvalScoreChart } from "./prepare-eval-scores";

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
