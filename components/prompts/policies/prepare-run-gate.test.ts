import { describe, expect, it } from "vitest";
import { apiErrorFields, entryToDraft, formToGate, gateDatasetName, gateToForm, parseScoreGateLine, resolveChoice } from "./prepare-run-gate";

describe("run gate form", () => {
  it("round-trips a stored gate through the form", () => {
    const gate = { datasetId: "d1", connectionId: "c1", model: "gpt-4o-mini", evaluators: [{ type: "regex", pattern: "\\d+", threshold: 1, required: true }, { type: "embedding_similarity", embedder: "provider", minPassRate: 0.5 }], minPassRate: 0.85, maxDropPoints: 3 };
    const form = gateToForm(gate);
    expect(form).toMatchObject({ datasetId: "d1", connectionId: "c1", model: "gpt-4o-mini", minPassRate: "85", maxDropPoints: "3" });
    expect(form.evaluators[0]).toEqual({ type: "regex", params: '{"pattern":"\\\\d+"}', threshold: "1", required: true });
    expect(formToGate(form)).toEqual({ gate });
  });

  it("starts a new gate with one evaluator, 80 % and no comparison", () => {
    const form = gateToForm(null);
    expect(form).toMatchObject({ datasetId: "", minPassRate: "80", maxDropPoints: "" });
    expect(formToGate({ ...form, datasetId: "d1" })).toEqual({ gate: { datasetId: "d1", evaluators: [{ type: "contains", values: ["refund"] }], minPassRate: 0.8 } });
  });

  it("keeps a set stored by name until one is picked, and prefers the id a list knows it by", () => {
    const form = gateToForm({ dataset: "golden", connection: "fake", evaluators: [{ type: "length" }], minPassRate: 1 });
    expect(formToGate(form)).toMatchObject({ gate: { dataset: "golden", connection: "fake" } });
    expect(resolveChoice("", "golden", [{ id: "d9", name: "golden" }])).toEqual({ id: "d9", name: "" });
    expect(resolveChoice("", "gone", [{ id: "d9", name: "golden" }])).toEqual({ id: "", name: "gone" });
    expect(resolveChoice("d1", "golden", undefined)).toEqual({ id: "d1", name: "" });
  });

  it("refuses bad input by field", () => {
    const ok = { ...gateToForm(null), datasetId: "d1" };
    expect(formToGate({ ...ok, minPassRate: "120" })).toMatchObject({ error: { field: "gate.minPassRate" } });
    expect(formToGate({ ...ok, minPassRate: "" })).toMatchObject({ error: { field: "gate.minPassRate" } });
    expect(formToGate({ ...ok, maxDropPoints: "-1" })).toMatchObject({ error: { field: "gate.maxDropPoints" } });
    expect(formToGate({ ...ok, evaluators: [{ ...ok.evaluators[0]!, params: "{ nope" }] })).toEqual({ error: { field: "gate.evaluators", message: "Evaluator 1 (contains): params are not valid JSON" } });
    expect(formToGate({ ...ok, evaluators: [{ ...ok.evaluators[0]!, threshold: "high" }] })).toMatchObject({ error: { field: "gate.evaluators" } });
    expect(formToGate({ ...ok, evaluators: [] })).toMatchObject({ error: { field: "gate.evaluators" } });
  });

  it("turns evaluator entries into rows, params as JSON", () => {
    expect(entryToDraft({ type: "json_valid" })).toEqual({ type: "json_valid", params: "{}", threshold: "", required: false });
  });
});

describe("apiErrorFields", () => {
  it("puts each API message next to its field", () => {
    expect(apiErrorFields('body.runGate.dataset: dataset "nope" not found')).toEqual([{ field: "gate.dataset", message: 'dataset "nope" not found' }]);
    expect(apiErrorFields("body.runGate.connectionId: LLM connection not found")).toEqual([{ field: "gate.connection", message: "LLM connection not found" }]);
    expect(apiErrorFields("body.runGate.evaluators.1.pattern: the pattern can backtrack catastrophically")).toEqual([{ field: "gate.evaluators", message: "Evaluator 2 · pattern: the pattern can backtrack catastrophically" }]);
    expect(apiErrorFields("body.runGate.evaluators.0.embedder: no provider")).toEqual([{ field: "gate.evaluators", message: "Evaluator 1 · embedder: no provider" }]);
    expect(apiErrorFields("body.runGate.minPassRate: Too big; body.approverUserIds.0: not a member")).toEqual([
      { field: "gate.minPassRate", message: "Too big" }, { field: "approvers", message: "not a member" },
    ]);
    expect(apiErrorFields("body.runGate: required when requirePassingRun is on")).toEqual([{ field: "gate", message: "required when requirePassingRun is on" }]);
    expect(apiErrorFields("You do not have access")).toEqual([{ field: "form", message: "You do not have access" }]);
  });

  it("names the golden set by the list, else by the stored name", () => {
    expect(gateDatasetName({ datasetId: "d1", evaluators: [], minPassRate: 1 }, [{ id: "d1", name: "golden" }])).toBe("golden");
    expect(gateDatasetName({ dataset: "by-name", evaluators: [], minPassRate: 1 }, undefined)).toBe("by-name");
    expect(gateDatasetName({ datasetId: "gone", evaluators: [], minPassRate: 1 }, [])).toBe("a golden set");
  });
});

describe("score requirements in the gate form", () => {
  it("reads 'faithfulness ≥ 0.9, drop ≤ 0.03' (and >= / <=) and writes it back the same", () => {
    expect(parseScoreGateLine("faithfulness ≥ 0.9, drop ≤ 0.03")).toEqual({ evaluator: "faithfulness", min: 0.9, maxDrop: 0.03 });
    expect(parseScoreGateLine("answer_relevancy >= 0.7")).toEqual({ evaluator: "answer_relevancy", min: 0.7 });
    expect(parseScoreGateLine("conciseness, drop <= 0.05")).toEqual({ evaluator: "conciseness", maxDrop: 0.05 });
    expect(parseScoreGateLine("faithfulness")).toBeNull();
    expect(parseScoreGateLine("faithfulness > 0.9")).toBeNull();
    const gate = { dataset: "golden", evaluators: [{ type: "faithfulness" }], minPassRate: 0.8, scoreGates: [{ evaluator: "faithfulness", min: 0.9, maxDrop: 0.03 }] };
    const form = gateToForm(gate);
    expect(form.scoreGates).toBe("faithfulness ≥ 0.9, drop ≤ 0.03");
    expect(formToGate({ ...form, datasetId: "d1" })).toMatchObject({ gate: { scoreGates: gate.scoreGates } });
    expect(formToGate({ ...form, datasetId: "d1", scoreGates: "faithfulness\nbad line" })).toMatchObject({ error: { field: "gate.scoreGates", message: expect.stringMatching(/^line 1: /) } });
  });
});
