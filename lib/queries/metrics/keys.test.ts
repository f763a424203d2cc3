import { describe, expect, it } from "vitest";
import { metricKeys, metricsSearch } from "./keys";

describe("metric query keys", () => {
  it("serialises only the set fields, tags as a comma list", () => {
    expect(metricsSearch({ from: "2025-01-01T00:00:00.000Z", to: "2025-01-02T00:00:00.000Z", bucket: "15m", model: undefined, tags: ["a", "b"], promptVersion: 2 })).toBe(
      "from=2025-01-01T00%3A00%3A00.000Z&to=2025-01-02T00%3A00%3A00.000Z&bucket=15m&tags=a%2Cb&promptVersion=2",
    );
    expect(metricsSearch({ from: "x", to: "y", tags: [] })).toBe("from=x&to=y");
  });

  it("scopes every key under the project", () => {
    expect(metricKeys.series("p1", { from: "a", to: "b" }).slice(0, 3)).toEqual(["projects", "p1", "metrics"]);
  });
});
