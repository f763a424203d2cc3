import { describe, expect, it } from "vitest";
import type { Policy } from "@/lib/queries/prompts/keys";
import { describePolicy, formToPolicyInput, policySourceLabel, policyToForm, toggle } from "./prepare-policy-form";

const production: Policy = { label: "production", source: "default", requiredApprovals: 1, approverRoles: ["owner", "admin"], approverUserIds: [], allowSelfApproval: false, autoMerge: false, requirePassingRun: false, runGate: null };

describe("policy form", () => {
  it("round-trips a policy through the form", () => {
    const out = formToPolicyInput("production", { ...policyToForm(production), requiredApprovals: "2" });
    expect(out).toEqual({ input: { label: "production", requiredApprovals: 2, approverRoles: ["owner", "admin"], approverUserIds: [], allowSelfApproval: false, autoMerge: false, requirePassingRun: false } });
  });

  it("keeps roles in a stable order and members unique", () => {
    const out = formToPolicyInput("staging", { ...policyToForm(production), approverRoles: ["pm", "owner"], approverUserIds: ["u1", "u1", "u2"] });
    expect(out).toMatchObject({ input: { approverRoles: ["owner", "pm"], approverUserIds: ["u1", "u2"] } });
  });

  it("refuses a count out of range and approvals nobody could give", () => {
    expect(formToPolicyInput("production", { ...policyToForm(production), requiredApprovals: "11" })).toMatchObject({ error: { field: "requiredApprovals" } });
    expect(formToPolicyInput("production", { ...policyToForm(production), requiredApprovals: "1.5" })).toMatchObject({ error: { field: "requiredApprovals" } });
    expect(formToPolicyInput("production", { ...policyToForm(production), approverRoles: [] })).toMatchObject({ error: { field: "approvers" } });
    expect(formToPolicyInput("production", { ...policyToForm(production), requiredApprovals: "0", approverRoles: [] })).toHaveProperty("input");
  });

  it("sends the run gate only while a passing run is required, and refuses an incomplete one by field", () => {
    const off = formToPolicyInput("production", policyToForm(production));
    expect(off).toEqual({ input: expect.not.objectContaining({ runGate: expect.anything() }) });
    const on = policyToForm({ ...production, requirePassingRun: true });
    expect(formToPolicyInput("production", on)).toEqual({ error: { field: "gate.dataset", message: "choose the golden set the gate runs over" } });
    const filled = { ...on, gate: { ...on.gate, datasetId: "d1", connectionId: "c1", maxDropPoints: "5" } };
    expect(formToPolicyInput("production", filled)).toMatchObject({
      input: { requirePassingRun: true, runGate: { datasetId: "d1", connectionId: "c1", evaluators: [{ type: "contains", values: ["refund"] }], minPassRate: 0.8, maxDropPoints: 5 } },
    });
  });

  it("toggles list members", () => {
    expect(toggle(["a"], "b", true)).toEqual(["a", "b"]);
    expect(toggle(["a", "b"], "a", false)).toEqual(["b"]);
  });
});

describe("describePolicy", () => {
  it("says who approves and what happens next, in one line", () => {
    expect(describePolicy(production, {})).toBe("1 approval by owner or admin; no self-approval");
    expect(describePolicy({ ...production, requiredApprovals: 2, approverUserIds: ["u1"], autoMerge: true }, { u1: "Ana" })).toBe("2 approvals by owner, admin or Ana; no self-approval; merges automatically");
    expect(describePolicy({ ...production, requiredApprovals: 0, autoMerge: true }, {})).toBe("No approval needed; proposals merge at once");
    expect(policySourceLabel("project")).toBe("project default");
  });

  it("names the run gate's terms", () => {
    const gated: Policy = { ...production, requirePassingRun: true, runGate: { datasetId: "d1", evaluators: [{ type: "regex", pattern: "x" }, { type: "length" }], minPassRate: 0.9, maxDropPoints: 2 } };
    expect(describePolicy(gated, {}, () => "support golden set")).toBe(
      "1 approval by owner or admin; no self-approval; needs a passing run on support golden set (pass rate ≥ 90 %; no drop > 2 points against the label's version; regex, length)",
    );
    expect(describePolicy({ ...gated, requiredApprovals: 0, autoMerge: true, runGate: { ...gated.runGate!, maxDropPoints: undefined } }, {})).toBe(
      "No approval needed; needs a passing run on a golden set (pass rate ≥ 90 %; regex, length); proposals merge at once when it passes",
    );
    expect(describePolicy({ ...production, requirePassingRun: true }, {})).toContain("not configured: blocks every merge");
  });
});
