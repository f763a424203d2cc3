import { describe, expect, it } from "vitest";
import { buildStartCanaryBody, canaryLabels, DEFAULT_START_FORM } from "./prepare-start-canary";

describe("start canary form", () => {
  it("builds the body with the guard thresholds that are filled in", () => {
    const out = buildStartCanaryBody({ ...DEFAULT_START_FORM, label: "production", version: "3", percent: "15" });
    expect(out).toEqual({ body: { label: "production", version: 3, percent: 15, guard: { minCalls: 200, errorRatePValue: 0.01, minVotes: 30 } } });
    const bare = buildStartCanaryBody({ ...DEFAULT_START_FORM, label: "staging", version: "2", percent: "50", guard: false });
    expect(bare).toEqual({ body: { label: "staging", version: 2, percent: 50 } });
  });

  it("names the field the server would refuse, in its words", () => {
    expect(buildStartCanaryBody({ ...DEFAULT_START_FORM, label: "production", version: "3", percent: "60" })).toEqual({ errors: { percent: "must be at most 50" } });
    expect(buildStartCanaryBody({ ...DEFAULT_START_FORM, label: "production", version: "3", percent: "0" })).toEqual({ errors: { percent: "must be more than 0" } });
    expect(buildStartCanaryBody({ ...DEFAULT_START_FORM, label: "production", version: "", percent: "10" })).toEqual({ errors: { version: "pick a version" } });
    const p = buildStartCanaryBody({ ...DEFAULT_START_FORM, label: "production", version: "3", errorRatePValue: "0.9" });
    expect("errors" in p && p.errors.errorRatePValue).toBeTruthy();
  });

  it("refuses a guard without any threshold", () => {
    expect(buildStartCanaryBody({ ...DEFAULT_START_FORM, label: "production", version: "3", errorRatePValue: "" })).toEqual({ errors: { guard: "set at least one threshold, or turn the guard off" } });
  });

  it("offers stored labels and says which already carry a canary", () => {
    const labels = canaryLabels([
      { label: "latest", version: 3, revision: null, virtual: true, updatedAt: null, canary: null },
      { label: "production", version: 2, revision: 3, virtual: false, updatedAt: null, canary: null },
      { label: "staging", version: 2, revision: 1, virtual: false, updatedAt: null, canary: { id: "c", version: 3, percent: 20, startedAt: "" } },
    ]);
    expect(labels).toEqual([{ label: "production", version: 2, disabled: null }, { label: "staging", version: 2, disabled: "already has a canary (v3)" }]);
  });
});
