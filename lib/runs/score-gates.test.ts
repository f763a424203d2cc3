import { describe, expect, it } from "vitest";
import { checkScoreGates, formatScoreGate, parseScoreGate } from "./score-gates";

describe("score gates", () => {
  const gate = { evaluator: "faithfulness", min: 0.9, maxDrop: 0.03 };
  it("holds at the minimum and within the allowed drop", () => {
    expect(checkScoreGates([gate], { faithfulness: 0.9 }, { faithfulness: 0.93 })[0]).toMatchObject({ met: true, drop: 0.03, problems: [] });
    expect(checkScoreGates([gate], { faithfulness: 0.95 }, null)[0]).toMatchObject({ met: true, drop: null });
  });

  it("fails below the minimum, on a drop beyond the maximum, and when nothing was scored", () => {
    expect(checkScoreGates([gate], { faithfulness: 0.89 }, null)[0]!.problems).toEqual(["faithfulness mean 0.890 is below the required 0.9"]);
    expect(checkScoreGates([gate], { faithfulness: 0.91 }, { faithfulness: 0.95 })[0]!.problems).toEqual(["faithfulness mean dropped 0.040 against the baseline (0.950 → 0.910; at most 0.03 allowed)"]);
    expect(checkScoreGates([gate], { faithfulness: null }, { faithfulness: 0.95 })[0]!.problems).toEqual(["faithfulness scored no item"]);
    expect(checkScoreGates([{ evaluator: "faithfulness", maxDrop: 0.03 }], { faithfulness: 0.5 }, {})[0]!.problems).toEqual(["faithfulness: the baseline run has no faithfulness scores to compare with"]);
  });

  it("round-trips the compare view's link form", () => {
    expect(parseScoreGate("faithfulness:0.9:0.03")).toEqual(gate);
    expect(parseScoreGate("answer_relevancy:0.7:")).toEqual({ evaluator: "answer_relevancy", min: 0.7 });
    expect(parseScoreGate(formatScoreGate({ evaluator: "conciseness", maxDrop: 0.05 }))).toEqual({ evaluator: "conciseness", maxDrop: 0.05 });
    expect(parseScoreGate("faithfulness::")).toBeNull();
    expect(parseScoreGate("faith fulness:1:")).toBeNull();
    expect(parseScoreGate("faithfulness:abc:")).toBeNull();
  });
});
