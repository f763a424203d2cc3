import { describe, expect, it } from "vitest";
import { prepareVersionMetrics } from "./prepare-version-metrics";

const m = (version: number, calls: number, errorRate: number | null) => ({ version, calls, errorRate, latencyP95: null, cost: 0, costPerCall: null, thumbsUpRate: null, explorerUrl: "" });

describe("version metrics rows", () => {
  it("gives each version its share of calls and flags error rates worse than production's", () => {
    const rows = prepareVersionMetrics([m(3, 60, 0.1), m(2, 240, 0.05), m(1, 0, null)], [{ label: "production", version: 2 }, { label: "latest", version: 3 }]);
    expect(rows.map((r) => [r.version, r.share, r.labels, r.worseErrorRate])).toEqual([[3, 0.2, ["latest"], true], [2, 0.8, ["production"], false], [1, 0, [], false]]);
  });

  it("has no shares without calls and no comparison without a production version", () => {
    expect(prepareVersionMetrics([m(1, 0, null)], [])[0]).toMatchObject({ share: 0, worseErrorRate: false });
  });
});
