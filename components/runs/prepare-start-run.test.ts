import { describe, expect, it } from "vitest";
import { buildStartRunInput, EVALUATOR_EXAMPLES, initialForm, SUITE_PRESETS } from "./prepare-start-run";

const base = { ...initialForm("d1"), promptId: "p1", connectionId: "c1" };

describe("buildStartRunInput", () => {
  it("turns the form into the start request: label or version, params merged with type and threshold, rate as a fraction", () => {
    const r = buildStartRunInput({
      ...base, target: "label:production", model: " gpt-4o-mini ", minPassRate: "90", concurrency: "4",
      evaluators: [{ type: "contains", params: '{ "values": ["refund"] }', threshold: "0.5", required: true }, { type: "json_valid", params: "", threshold: "", required: false }],
    });
    expect(r).toEqual({ ok: true, input: {
      datasetId: "d1", prompt: { id: "p1", label: "production" }, connectionId: "c1", model: "gpt-4o-mini", minPassRate: 0.9, concurrency: 4,
      evaluators: [{ type: "contains", values: ["refund"], threshold: 0.5, required: true }, { type: "json_valid" }],
    } });
    expect(buildStartRunInput({ ...base, target: "version:3" })).toMatchObject({ ok: true, input: { prompt: { id: "p1", version: 3 } } });
    expect(buildStartRunInput({ ...base, connectionId: "" })).toMatchObject({ ok: true, input: { datasetId: "d1" } });
  });
  it("says what is wrong before anything is sent", () => {
    expect(buildStartRunInput({ ...base, datasetId: "" })).toEqual({ ok: false, error: "Choose a golden set" });
    expect(buildStartRunInput({ ...base, evaluators: [{ type: "regex", params: "{nope", threshold: "", required: false }] })).toEqual({ ok: false, error: "Evaluator 1 (regex): params are not valid JSON" });
    expect(buildStartRunInput({ ...base, evaluators: [{ type: "regex", params: "[1]", threshold: "", required: false }] })).toMatchObject({ ok: false, error: expect.stringMatching(/JSON object/) });
    expect(buildStartRunInput({ ...base, concurrency: "0" })).toMatchObject({ ok: false, error: expect.stringMatching(/Concurrency/) });
    expect(buildStartRunInput({ ...base, minPassRate: "120" })).toMatchObject({ ok: false, error: expect.stringMatching(/pass rate/) });
  });
  it("the suite shortcuts build valid requests: the fairness check and the red-team checks, required", () => {
    expect(buildStartRunInput({ ...base, evaluators: SUITE_PRESETS.fairness })).toMatchObject({ ok: true, input: { evaluators: [{ type: "counterfactual", categories: ["gender", "age", "nationality", "region"], method: "similarity", required: true }] } });
    expect(buildStartRunInput({ ...base, evaluators: SUITE_PRESETS.redTeam })).toMatchObject({ ok: true, input: { evaluators: [{ type: "refusal", required: true }, { type: "leak", required: true }] } });
    for (const t of ["counterfactual", "refusal", "leak"]) expect(Object.keys(EVALUATOR_EXAMPLES)).toContain(t);
  });
});
