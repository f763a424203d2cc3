import { describe, expect, it } from "vitest";
import { buildEvaluatorEntry, DEFAULT_CONSISTENCY, DEFAULT_ESCALATION, emptyEvaluator } from "./prepare-evaluator-entry";

const judge = (escalation: Partial<typeof DEFAULT_ESCALATION>) => ({ ...emptyEvaluator("llm_judge"), escalation: { ...DEFAULT_ESCALATION, ...escalation } });

describe("buildEvaluatorEntry", () => {
  it("adds a tiered judge's escalation only when it is switched on", () => {
    expect(buildEvaluatorEntry(emptyEvaluator("llm_judge"))).toEqual({ ok: true, entry: { type: "llm_judge", rubric: "Is the answer correct and polite?", scale: "1-5" } });
    expect(buildEvaluatorEntry(judge({ enabled: true, model: " gpt-4o " }))).toMatchObject({ ok: true, entry: { escalation: { model: "gpt-4o", band: { min: 3, max: 3 }, samples: 1 } } });
    expect(buildEvaluatorEntry(judge({ enabled: true, model: "gpt-4o", bandMin: "2.5", bandMax: "3.5" }))).toMatchObject({ ok: true, entry: { escalation: { band: { min: 2.5, max: 3.5 } } } });
    expect(buildEvaluatorEntry(judge({ enabled: true, model: "gpt-4o", bandMin: "", bandMax: "", samples: "3", temperature: "0.9" }))).toMatchObject({ ok: true, entry: { escalation: { model: "gpt-4o", samples: 3, temperature: 0.9 } } });
    const noBand = buildEvaluatorEntry(judge({ enabled: true, model: "gpt-4o", bandMin: "", bandMax: "", samples: "3" }));
    expect(noBand.ok && "band" in (noBand.entry.escalation as object)).toBe(false);
  });

  it("says what is wrong with an escalation before anything is sent", () => {
    expect(buildEvaluatorEntry(judge({ enabled: true }))).toEqual({ ok: false, error: "name the strong model to escalate to" });
    expect(buildEvaluatorEntry(judge({ enabled: true, model: "m", bandMin: "4", bandMax: "3" }))).toMatchObject({ ok: false, error: expect.stringMatching(/low end/) });
    expect(buildEvaluatorEntry(judge({ enabled: true, model: "m", bandMin: "", bandMax: "", samples: "1" }))).toMatchObject({ ok: false, error: expect.stringMatching(/band or at least 2/) });
    expect(buildEvaluatorEntry(judge({ enabled: true, model: "m", samples: "2", temperature: "0" }))).toMatchObject({ ok: false, error: expect.stringMatching(/temperature/) });
  });

  it("turns self-consistency fields into params", () => {
    expect(buildEvaluatorEntry({ ...emptyEvaluator("self_consistency"), threshold: "0.6" })).toEqual({ ok: true, entry: { type: "self_consistency", samples: 5, temperature: 1, similarity: "embedding", threshold: 0.6 } });
    expect(buildEvaluatorEntry({ ...emptyEvaluator("self_consistency"), consistency: { ...DEFAULT_CONSISTENCY, samples: "11" } })).toMatchObject({ ok: false, error: expect.stringMatching(/2 to 10/) });
    expect(buildEvaluatorEntry({ ...emptyEvaluator("self_consistency"), consistency: { samples: "3", temperature: "0.8", similarity: "token" } })).toMatchObject({ ok: true, entry: { samples: 3, temperature: 0.8, similarity: "token" } });
  });
});
