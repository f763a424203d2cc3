import { describe, expect, it } from "vitest";
import type { Policy } from "@/lib/queries/prompts/keys";
import { describePolicy, formToPolicyInput, policySourceLabel, policyToForm, toggle } from "./prepare-policy-form";

const production: Policy = { label: "production", source: "default", requiredApprovals: 1, approverRoles: ["owner", "admin"], approverUserIds: [], allowSelfApproval: false, autoMerge: false, requirePassingRun: false };

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
});
