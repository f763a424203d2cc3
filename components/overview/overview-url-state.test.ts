import { describe, expect, it } from "vitest";
import { parseOverviewState, serializeOverviewState } from "./overview-url-state";
import { fromLocalInput, toLocalInput } from "./range-presets";

const params = (qs: string) => new URLSearchParams(qs);

describe("URL ↔ overview state", () => {
  it("defaults to the last 24 hours with no filters", () => {
    expect(parseOverviewState(params(""))).toEqual({ range: "24h", filters: {} });
    expect(parseOverviewState(params("range=bogus"))).toEqual({ range: "24h", filters: {} });
  });

  it("reads every filter and round-trips through the URL", () => {
    const qs = "range=7d&environment=prod&model=gpt-4o&provider=openai&promptName=summarise&release=v1.2&userId=u_1&promptVersion=3&tags=a%2Cb";
    const state = parseOverviewState(params(qs));
    expect(state).toEqual({
      range: "7d",
      filters: { environment: "prod", model: "gpt-4o", provider: "openai", promptName: "summarise", release: "v1.2", userId: "u_1", promptVersion: 3, tags: ["a", "b"] },
    });
    expect(parseOverviewState(params(serializeOverviewState(state)))).toEqual(state);
  });

  it("drops malformed values instead of failing", () => {
    const state = parseOverviewState(params("promptVersion=abc&tags=,%20,&model=%20%20&environment=%20prod%20"));
    expect(state.filters).toEqual({ environment: "prod" });
    expect(parseOverviewState(params("promptVersion=0")).filters).toEqual({});
  });

  it("keeps a valid custom range and falls back to the default for an inverted one", () => {
    const ok = parseOverviewState(params("range=custom&from=2025-01-01T00:00:00Z&to=2025-01-02T00:00:00Z"));
    expect(ok).toMatchObject({ range: "custom", from: "2025-01-01T00:00:00.000Z", to: "2025-01-02T00:00:00.000Z" });
    expect(parseOverviewState(params("range=custom&from=2025-01-02T00:00:00Z&to=2025-01-01T00:00:00Z")).range).toBe("24h");
    expect(parseOverviewState(params("range=custom&from=nope")).range).toBe("24h");
  });

  it("leaves the default range and empty filters out of the URL", () => {
    expect(serializeOverviewState({ range: "24h", filters: { tags: [] } })).toBe("");
    expect(serializeOverviewState({ range: "1h", filters: { model: "m" } })).toBe("range=1h&model=m");
  });

  it("converts datetime-local values to ISO and back", () => {
    const iso = fromLocalInput("2025-03-04T05:06");
    expect(iso).not.toBeNull();
    expect(toLocalInput(iso!)).toBe("2025-03-04T05:06");
    expect(fromLocalInput("")).toBeNull();
  });
});
