import { describe, expect, it } from "vitest";
import { canTransition, nextResolvedAt, TRIAGE_STATUSES, transitionProblem } from "./status";

describe("triage state machine", () => {
  it("allows exactly the documented transitions", () => {
    const allowed = TRIAGE_STATUSES.flatMap((from) => TRIAGE_STATUSES.filter((to) => from !== to && canTransition(from, to)).map((to) => `${from}→${to}`));
    expect(allowed.sort()).toEqual(
      ["open→investigating", "open→resolved", "open→ignored", "investigating→open", "investigating→resolved", "investigating→ignored", "resolved→open", "ignored→open"].sort(),
    );
  });

  it("treats setting the same status as a no-op and names refused transitions", () => {
    expect(canTransition("resolved", "resolved")).toBe(true);
    expect(transitionProblem("resolved", "ignored")).toBe("cannot move from resolved to ignored (allowed from resolved: open)");
    expect(transitionProblem("ignored", "investigating")).toMatch(/ignored to investigating/);
    expect(transitionProblem("bogus", "open")).toMatch(/allowed from bogus: none/);
  });

  it("keeps resolvedAt only while resolved", () => {
    const now = new Date("2026-11-25T10:00:00Z");
    const earlier = new Date("2026-11-24T10:00:00Z");
    expect(nextResolvedAt("open", "resolved", null, now)).toBe(now);
    expect(nextResolvedAt("resolved", "resolved", earlier, now)).toBe(earlier);
    expect(nextResolvedAt("resolved", "open", earlier, now)).toBeNull();
  });
});
