import { describe, expect, it } from "vitest";
import { explorerRequest, parseExplorerState, serializeExplorerState } from "./explorer-state";

describe("explorer URL state", () => {
  it("round-trips a view through the query string, dropping defaults and unknown keys", () => {
    const qs = "range=24h&sort=latency&q=%ED%99%98%EB%B6%88&status=error&tags=ko%2Cvip&feedback=down&cursor=abc";
    const state = parseExplorerState(new URLSearchParams(qs));
    expect(state).toEqual({ range: "24h", sort: "latency", order: "desc", filters: { q: "환불", status: "error", tags: "ko,vip", feedback: "down" } });
    expect(serializeExplorerState(state)).toBe("range=24h&sort=latency&q=%ED%99%98%EB%B6%88&status=error&tags=ko%2Cvip&feedback=down");
    expect(serializeExplorerState(parseExplorerState(new URLSearchParams("")))).toBe("");
  });

  it("resolves presets against now and keeps custom bounds", () => {
    const now = Date.UTC(2026, 0, 2);
    expect(explorerRequest(parseExplorerState(new URLSearchParams("range=24h&model=gpt-4o")), now)).toEqual({ sort: "startTime", order: "desc", from: "2026-01-01T00:00:00.000Z", model: "gpt-4o" });
    expect(explorerRequest(parseExplorerState(new URLSearchParams("range=all")), now)).toEqual({ sort: "startTime", order: "desc" });
    expect(explorerRequest(parseExplorerState(new URLSearchParams("range=custom&from=a&to=b&order=asc")), now)).toEqual({ sort: "startTime", order: "asc", from: "a", to: "b" });
  });
});
