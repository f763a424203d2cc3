import { describe, expect, it } from "vitest";
import { safeCallback } from "./safe-callback";

describe("safeCallback", () => {
  it("keeps paths on this server", () => {
    expect(safeCallback("/project/p1/traces?q=refund#top")).toBe("/project/p1/traces?q=refund#top");
    expect(safeCallback("/invite/abc")).toBe("/invite/abc");
  });

  it("refuses everything a browser would take to another host", () => {
    for (const evil of ["/\\evil.com", "/\\/evil.com", "//evil.com", "///evil.com", "/\t/evil.com", "https://evil.com", "javascript:alert(1)", "evil.com", "", undefined, null]) {
      expect(safeCallback(evil), String(evil)).toBe("/");
    }
  });
});
