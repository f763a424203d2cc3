import { describe, expect, it } from "vitest";
import type { CanaryComparison, CanarySide } from "@/lib/queries/prompts/keys";
import { canaryStatusView, formatPValue, prepareComparisonBars, prepareComparisonRows, rateVerdict } from "./prepare-canary";
import { prepareGuardRows } from "./prepare-canary-guard";

const side = (over: Partial<CanarySide>): CanarySide => ({
  version: 2, calls: 0, errorRate: null, latencyP50: null, latencyP95: null, costPerCall: null, thumbsUp: 0, thumbsDown: 0, thumbsUpRate: null, ...over,
});

function comparison(over: Partial<CanaryComparison> = {}): CanaryComparison {
  return {
    canary: { id: "c1", promptId: "p1", label: "staging", baseVersion: 2, canaryVersion: 3, percent: 20, guard: { minCalls: 200, minVotes: 30, errorRatePValue: 0.01 }, status: "active", endedReason: null, startedById: "u1", startedAt: "2026-01-01T00:00:00Z", endedAt: null, lastCheckedAt: null },
    promptName: "support-answer",
    main: side({ version: 2, calls: 1000, errorRate: 0.01, latencyP50: 800, latencyP95: 1200, costPerCall: 0.002, thumbsUp: 90, thumbsDown: 10, thumbsUpRate: 0.9 }),
    canaryVersion: side({ version: 3, calls: 250, errorRate: 0.06, latencyP50: 700, latencyP95: 1500, costPerCall: 0.001, thumbsUp: 20, thumbsDown: 20, thumbsUpRate: 0.5 }),
    differences: { errorRate: { difference: 0.05, pValue: 0.00001 }, thumbsUpRate: { difference: -0.4, pValue: 0.03 }, latencyP95Ms: 300, costPerCall: -0.001 },
    ...over,
  };
}

describe("canary verdicts", () => {
  it("says worse or better at the level the p-value reaches, in the measure's direction", () => {
    const n = { canary: 250, main: 1000 };
    expect(rateVerdict({ difference: 0.05, pValue: 0.004 }, { higherIsBetter: false, n })).toEqual({ tone: "red", text: "worse, significant at p < 0.01" });
    expect(rateVerdict({ difference: 0.05, pValue: 0.02 }, { higherIsBetter: true, n })).toEqual({ tone: "green", text: "better, significant at p < 0.05" });
    expect(rateVerdict({ difference: -0.05, pValue: 0.2 }, { higherIsBetter: false, n }).text).toBe("no significant difference yet (n = 250 vs 1k)");
    expect(rateVerdict(null, { higherIsBetter: false, n: { canary: 0, main: 10 } }).text).toBe("not enough data to test yet (n = 0 vs 10)");
  });

  it("prints small p-values without false precision", () => {
    expect(formatPValue(0.00001)).toBe("< 0.001");
    expect(formatPValue(0.0312)).toBe("0.031");
  });
});

describe("prepareComparisonRows", () => {
  it("puts main and canary side by side with the change and the test", () => {
    const rows = Object.fromEntries(prepareComparisonRows(comparison()).map((r) => [r.key, r]));
    expect(rows.calls).toMatchObject({ main: "1k", canary: "250", change: "20% to the canary (target 20%)" });
    expect(rows.errorRate).toMatchObject({ main: "1%", canary: "6%", change: "+5 pp", pValue: "< 0.001", verdict: { tone: "red", text: "worse, significant at p < 0.01" } });
    expect(rows.latencyP95).toMatchObject({ main: "1.20 s", canary: "1.50 s", change: "+25%" });
    expect(rows.costPerCall!.change).toBe("-50%");
    expect(rows.thumbsUpRate).toMatchObject({ canary: "50% of 40 votes", pValue: "0.030", verdict: { text: "worse, significant at p < 0.05" } });
  });

  it("shows dashes, not NaN, before any canary traffic", () => {
    const rows = prepareComparisonRows(comparison({ canaryVersion: side({ version: 3 }), differences: { errorRate: null, thumbsUpRate: null, latencyP95Ms: null, costPerCall: null } }));
    const error = rows.find((r) => r.key === "errorRate")!;
    expect(error).toMatchObject({ canary: "—", change: "—", pValue: null });
    expect(error.verdict!.text).toContain("not enough data");
    expect(JSON.stringify(rows)).not.toContain("NaN");
  });

  it("gives the bar charts rates in percent and latency in ms", () => {
    const bars = prepareComparisonBars(comparison());
    expect(bars.rates[0]).toEqual({ category: "Error rate", main: 1, canary: 6 });
    expect(bars.latency[1]).toEqual({ category: "p95", main: 1200, canary: 1500 });
  });
});

describe("guard and status", () => {
  it("judges the thresholds as the worker does", () => {
    const rows = prepareGuardRows(comparison());
    expect(rows.map((r) => [r.key, r.state.text])).toEqual([["minCalls", "judging"], ["errorRate", "breached"]]);
    const early = prepareGuardRows(comparison({ canaryVersion: side({ version: 3, calls: 60, thumbsUp: 18 }) }));
    expect(early[0]!.now).toBe("60 of 200 calls");
    expect(early[1]!.state.text).toBe("waiting for calls");
    const over = comparison({ canaryVersion: side({ version: 3, calls: 60 }) });
    over.canary.status = "ended";
    expect(prepareGuardRows(over)[1]!.state.text).toBe("not reached before the end");
  });

  it("reads thumbs-down and latency thresholds when set", () => {
    const data = comparison();
    data.canary.guard = { minCalls: 100, minVotes: 30, thumbsDownPoints: 10, latencyP95Ratio: 2 };
    const rows = Object.fromEntries(prepareGuardRows(data).map((r) => [r.key, r]));
    expect(rows.thumbsDown).toMatchObject({ now: "+40.0 points", state: { text: "breached" } });
    expect(rows.latency).toMatchObject({ now: "1.25× (1.50 s vs 1.20 s)", state: { text: "holding" } });
    expect(prepareGuardRows(comparison({ canary: { ...data.canary, guard: null } }))).toEqual([]);
  });

  it("names the status and strips the guard prefix from its reason", () => {
    expect(canaryStatusView({ status: "guard_ended", endedReason: "guard: error rate 6% vs main 1%" })).toEqual({ label: "Ended by guard", tone: "red", detail: "error rate 6% vs main 1%" });
    expect(canaryStatusView({ status: "active", endedReason: null }).label).toBe("Active");
    expect(canaryStatusView({ status: "promoted", endedReason: "promoted" }).detail).toBeNull();
  });
});
