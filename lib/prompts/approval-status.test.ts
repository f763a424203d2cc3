import { describe, expect, it } from "vitest";
import type { Role } from "../auth/permissions";
import { approvalStatus, approverEligibility } from "./approval-status";
import { defaultPolicy } from "./resolve-policy";

const roles = (entries: Record<string, Role | null>) => new Map(Object.entries(entries));

describe("approval status", () => {
  it("counts each eligible reviewer once, by their latest verdict", () => {
    const policy = { ...defaultPolicy("production"), requiredApprovals: 2 };
    const r = roles({ a: "admin", b: "owner", e: "engineer", author: "admin" });
    const status = approvalStatus({ policy, roles: r, authors: ["author"], reviews: [
      { reviewerId: "a", verdict: "approve" }, { reviewerId: "a", verdict: "approve" }, { reviewerId: "e", verdict: "approve" }, { reviewerId: "author", verdict: "approve" },
    ] });
    expect(status).toMatchObject({ approvedBy: ["a"], satisfied: false });
    const two = approvalStatus({ policy, roles: r, authors: ["author"], reviews: [{ reviewerId: "a", verdict: "approve" }, { reviewerId: "b", verdict: "approve" }] });
    expect(two.satisfied).toBe(true);
  });

  it("a request for changes blocks until the same reviewer approves; comments do not count", () => {
    const policy = defaultPolicy("production");
    const r = roles({ a: "admin", b: "admin" });
    const blocked = approvalStatus({ policy, roles: r, authors: [], reviews: [{ reviewerId: "a", verdict: "approve" }, { reviewerId: "b", verdict: "request_changes" }, { reviewerId: "b", verdict: "comment" }] });
    expect(blocked).toMatchObject({ satisfied: false, changesRequestedBy: ["b"] });
    const cleared = approvalStatus({ policy, roles: r, authors: [], reviews: [{ reviewerId: "b", verdict: "request_changes" }, { reviewerId: "b", verdict: "approve" }] });
    expect(cleared).toMatchObject({ satisfied: true, approvedBy: ["b"] });
  });

  it("named members and self-approval (the run gate is gate-status.ts's)", () => {
    const named = { ...defaultPolicy("production"), approverRoles: [] as Role[], approverUserIds: ["pm1"] };
    expect(approverEligibility(named, { id: "pm1", role: "pm" }, [])).toEqual({ eligible: true });
    expect(approverEligibility(named, { id: "o", role: "owner" }, []).eligible).toBe(false);
    expect(approverEligibility(defaultPolicy("production"), { id: "me", role: "owner" }, ["me"]).eligible).toBe(false);
    expect(approverEligibility({ ...defaultPolicy("production"), allowSelfApproval: true }, { id: "me", role: "owner" }, ["me"]).eligible).toBe(true);
    const run = approvalStatus({ policy: { ...defaultPolicy("staging"), requirePassingRun: true }, roles: roles({}), authors: [], reviews: [] });
    expect(run).toMatchObject({ satisfied: true, blockers: [] });
  });
});
