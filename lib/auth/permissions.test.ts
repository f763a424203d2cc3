import { describe, expect, it } from "vitest";
import { can, canGrant, effectiveRole, PERMISSIONS, ROLES } from "./permissions";

describe("permission map", () => {
  it("keeps annotators out of settings, traces and dashboards", () => {
    expect(can("annotator", "settings:read")).toBe(false);
    expect(can("annotator", "traces:read")).toBe(false);
    expect(can("annotator", "dashboards:read")).toBe(false);
    expect(can("annotator", "annotation:judge")).toBe(true);
  });

  it("lets viewers and pms read but not manage keys or members", () => {
    for (const role of ["viewer", "pm"] as const) {
      expect(can(role, "traces:read")).toBe(true);
      expect(can(role, "apiKeys:manage")).toBe(false);
      expect(can(role, "members:manage")).toBe(false);
    }
  });

  it("gives owners every action", () => {
    for (const action of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) {
      if (action === "annotation:judge") continue;
      expect(can("owner", action)).toBe(true);
    }
  });

  it("uses the project override unless the member owns the org", () => {
    expect(effectiveRole("engineer", "viewer")).toBe("viewer");
    expect(effectiveRole("viewer", "admin")).toBe("admin");
    expect(effectiveRole("pm", null)).toBe("pm");
    expect(effectiveRole("owner", "viewer")).toBe("owner");
  });

  it("lets only owners grant ownership", () => {
    expect(canGrant("owner", "owner")).toBe(true);
    expect(canGrant("admin", "owner")).toBe(false);
    expect(canGrant("admin", "engineer")).toBe(true);
    for (const role of ROLES.filter((r) => r !== "owner" && r !== "admin")) expect(canGrant(role, "viewer")).toBe(false);
  });
});
