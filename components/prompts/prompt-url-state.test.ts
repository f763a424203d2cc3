import { describe, expect, it } from "vitest";
import { diffPair, parsePromptView, serializePromptView, stepVersion } from "./prompt-url-state";

describe("prompt page URL state", () => {
  it("reads tab, versions, label and status, ignoring junk", () => {
    expect(parsePromptView(new URLSearchParams("tab=diff&from=2&to=5&label=production&status=merged"))).toEqual({ tab: "diff", version: null, from: 2, to: 5, label: "production", status: "merged" });
    expect(parsePromptView(new URLSearchParams("tab=<x>&version=-1&from=abc&label=A B&status=weird"))).toEqual({ tab: "versions", version: null, from: null, to: null, label: null, status: "open" });
  });

  it("writes only what differs from the defaults and survives a round trip", () => {
    expect(serializePromptView({ tab: "versions", version: 3, status: "open" })).toBe("version=3");
    const view = parsePromptView(new URLSearchParams("tab=try&version=4"));
    expect(parsePromptView(new URLSearchParams(serializePromptView(view)))).toEqual(view);
  });

  it("chooses the diff pair from the URL, the selected version or the latest", () => {
    const view = parsePromptView(new URLSearchParams(""));
    expect(diffPair(view, 5)).toEqual({ from: 4, to: 5 });
    expect(diffPair({ ...view, version: 3 }, 5)).toEqual({ from: 2, to: 3 });
    expect(diffPair({ ...view, from: 1, to: 4 }, 5)).toEqual({ from: 1, to: 4 });
    expect(diffPair(view, 1)).toEqual({ from: 1, to: 1 });
    expect(diffPair({ ...view, to: 99 }, 5)).toEqual({ from: 4, to: 5 });
  });

  it("steps through a newest-first version list and stops at the ends", () => {
    expect(stepVersion([5, 4, 3], null, 1)).toBe(5);
    expect(stepVersion([5, 4, 3], 5, 1)).toBe(4);
    expect(stepVersion([5, 4, 3], 3, 1)).toBe(3);
    expect(stepVersion([5, 4, 3], 5, -1)).toBe(5);
    expect(stepVersion([], 5, 1)).toBeNull();
  });
});
