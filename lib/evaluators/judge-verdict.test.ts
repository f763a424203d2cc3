import { describe, expect, it } from "vitest";
import { judgeMessages, parseVerdict, renderRubric } from "./judge-verdict";

describe("judge verdicts", () => {
  it("fills {{input}}, {{output}} and {{expected}} and nothing else", () => {
    const text = renderRubric("Q: {{input}} A: {{ output }} E: {{expected}} {{other}} $&", { input: { q: 1 }, output: "$1 answer", expectedOutput: "x" });
    expect(text).toBe('Q: {"q":1} A: $1 answer E: x {{other}} $&');
    expect(judgeMessages("r", "pass_fail", { input: "", output: "" })[0]!.content).toMatch(/"verdict": "pass" \| "fail"/);
  });

  it("parses strict JSON verdicts on either scale", () => {
    expect(parseVerdict('{"score": 4, "reasoning": "mostly right"}', "1-5")).toEqual({ ok: true, verdict: { score: 4, reasoning: "mostly right" } });
    expect(parseVerdict('```json\n{"verdict": "fail", "reasoning": "wrong city"}\n```', "pass_fail")).toEqual({ ok: true, verdict: { score: 0, reasoning: "wrong city" } });
  });

  it("names what is wrong with an unusable answer", () => {
    expect(parseVerdict("Score: 5", "1-5")).toMatchObject({ ok: false, problem: expect.stringMatching(/^not JSON/) });
    expect(parseVerdict('{"score": 6, "reasoning": "x"}', "1-5")).toMatchObject({ ok: false, problem: expect.stringMatching(/^score:/) });
    expect(parseVerdict('{"score": 3.5, "reasoning": "x"}', "1-5").ok).toBe(false);
    expect(parseVerdict('{"score": 4}', "1-5")).toMatchObject({ ok: false, problem: expect.stringMatching(/^reasoning/) });
    expect(parseVerdict('{"score": 4, "reasoning": "x", "extra": 1}', "1-5").ok).toBe(false);
    expect(parseVerdict('Sure! {"score": 4, "reasoning": "x"}', "1-5").ok).toBe(false);
  });
});
