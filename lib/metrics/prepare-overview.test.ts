import { describe, expect, it } from "vitest";
import type { MetricPoint, MetricsResponse } from "@/lib/schemas/metrics";
import {
  BREAKDOWN_COLUMNS, compare, delta, deltaTone, durationUnit, fillSeries, groupOptions, pooledUpRates, prepareBreakdown, prepareOverviewCharts,
} from "./prepare-overview";

function point(p: Partial<MetricPoint> = {}): MetricPoint {
  return {
    count: 0, errors: 0, errorRate: null, latencyP50: null, latencyP95: null, latencyP99: null, ttftP50: null, ttftP95: null, cost: 0,
    inputTokens: 0, outputTokens: 0, thumbsUp: 0, thumbsDown: 0, thumbsUpRate: null, flaggedPii: 0, flaggedInjection: 0, flaggedUncertainty: 0, ...p,
  };
}

function response(series: [string, Partial<MetricPoint>][], over: Partial<MetricsResponse> = {}): MetricsResponse {
  return {
    from: "2025-01-01T10:00:00.000Z", to: "2025-01-01T11:00:00.000Z", bucket: "15m", source: "rollups",
    series: series.map(([time, p]) => ({ ...point(p), time })), totals: point(), ...over,
  };
}

describe("chart rows", () => {
  it("fills missing buckets on the grid of the returned ones", () => {
    const filled = fillSeries(response([["2025-01-01T10:15:00.000Z", { count: 2 }], ["2025-01-01T10:45:00.000Z", { count: 1 }]]));
    expect(filled.map((p) => [new Date(p.time).toISOString().slice(11, 16), p.count])).toEqual([["10:00", 0], ["10:15", 2], ["10:30", 0], ["10:45", 1]]);
  });

  it("leaves an off-grid series alone and handles an empty one", () => {
    expect(fillSeries(response([["2025-01-01T10:00:00.000Z", {}], ["2025-01-01T10:07:00.000Z", {}]]))).toHaveLength(2);
    expect(fillSeries(response([]))).toEqual([]);
  });

  it("switches latency to seconds once a value reaches a second", () => {
    expect(durationUnit([120, null, 999])).toBe("ms");
    expect(durationUnit([120, 1500])).toBe("s");
    expect(durationUnit([])).toBe("ms");
    const charts = prepareOverviewCharts(response([["2025-01-01T10:00:00.000Z", { count: 1, latencyP50: 800, latencyP95: 1234, latencyP99: 2500, ttftP50: 90 }]]));
    expect(charts.latencyUnit).toBe("s");
    expect(charts.latency[0]).toMatchObject({ p50: 0.8, p95: 1.234, p99: 2.5 });
    expect(charts.ttftUnit).toBe("ms");
    expect(charts.ttft[0]).toMatchObject({ p50: 90, p95: null });
  });

  it("accumulates cost, turns rates into percentages and keeps gaps as null", () => {
    const charts = prepareOverviewCharts(response([
      ["2025-01-01T10:00:00.000Z", { count: 4, errors: 1, errorRate: 0.25, cost: 0.5, thumbsUp: 3, thumbsDown: 1, thumbsUpRate: 0.75, flaggedPii: 1 }],
      ["2025-01-01T10:30:00.000Z", { count: 10, cost: 0.25, flaggedInjection: 2 }],
    ]));
    expect(charts.cost.map((c) => c.cumulative)).toEqual([0.5, 0.5, 0.75, 0.75]);
    expect(charts.errorRate.map((r) => r.errorRate)).toEqual([25, null, null, null]);
    expect(charts.volume[0]).toEqual({ time: Date.parse("2025-01-01T10:00:00Z"), ok: 3, errors: 1 });
    expect(charts.feedback[0]).toMatchObject({ up: 3, down: 1, upRate: 75 });
    expect(charts.flags[0]).toEqual({ time: Date.parse("2025-01-01T10:00:00Z"), pii: 1, injection: 0, uncertainty: 0, calls: 4 });
    expect(charts.flags[1]).toMatchObject({ pii: 0, calls: 0 });
    expect(charts.flags[2]).toMatchObject({ injection: 2, calls: 10 });
    expect(charts.spansDays).toBe(false);
  });
});

describe("thumbs-up rate", () => {
  it("rests each bucket's rate on at least five votes, pooling the buckets before it", () => {
    const b = (up: number, down: number) => ({ thumbsUp: up, thumbsDown: down });
    // 0 votes, then 1 up, 1 down, 3 up + 1 down, 8 up + 2 down, 1 down.
    expect(pooledUpRates([b(0, 0), b(1, 0), b(0, 1), b(3, 1), b(8, 2), b(0, 1)])).toEqual([
      null, // nothing yet
      100, // the range starts: 1 of 1
      50, // 1 of 2
      60, // 3 of 5: this bucket has 4 votes, so the one before joins
      80, // 8 of 10: enough on its own
      72.73, // 1 vote: pools back to 8 of 11
    ]);
  });
});

describe("period-over-period comparison", () => {
  it("computes absolute and relative deltas, null-safe", () => {
    expect(delta(150, 100)).toEqual({ absolute: 50, relative: 0.5 });
    expect(delta(5, 0)).toEqual({ absolute: 5, relative: null });
    expect(delta(0, 0)).toEqual({ absolute: 0, relative: 0 });
    expect(delta(null, 3)).toBeNull();
    expect(delta(3, null)).toBeNull();
  });

  it("says whether a change is good news", () => {
    expect(deltaTone({ absolute: 10, relative: 0.1 }, "lower")).toBe("bad");
    expect(deltaTone({ absolute: -0.02, relative: -0.2 }, "lower")).toBe("good");
    expect(deltaTone({ absolute: 0.1, relative: 0.2 }, "higher")).toBe("good");
    expect(deltaTone({ absolute: 10, relative: 0.1 }, null)).toBe("neutral");
    expect(deltaTone(null, "higher")).toBe("neutral");
    // From zero: "new" has no size, but a rate's change in points does.
    expect(deltaTone({ absolute: 0.5, relative: null }, "lower", "cost")).toBe("neutral");
    expect(deltaTone({ absolute: 0.05, relative: null }, "lower", "rate")).toBe("bad");
  });

  it("compares totals when the previous period is missing", () => {
    expect(compare(point({ count: 3 }), undefined, (p) => p.count)).toEqual({ current: 3, previous: null, delta: null });
  });

  it("builds breakdown rows from both periods, busiest first", () => {
    const rows = prepareBreakdown(
      [
        { key: "small", totals: point({ count: 10, cost: 0.1, latencyP95: 300, errorRate: 0.1, thumbsUpRate: null }) },
        { key: "big", totals: point({ count: 1000, cost: 2, latencyP95: 900, errorRate: 0.01, thumbsUpRate: 0.9 }) },
      ],
      [
        { key: "big", totals: point({ count: 500, cost: 2, latencyP95: 1000, errorRate: 0.02, thumbsUpRate: 0.8 }) },
        { key: "gone", totals: point({ count: 7, cost: 1 }) },
      ],
    );
    expect(rows.map((r) => r.key)).toEqual(["big", "small", "gone"]);
    const [big, small, gone] = rows;
    const col = (key: string) => BREAKDOWN_COLUMNS.findIndex((c) => c.key === key);
    expect(big!.cells[col("requests")]).toEqual({ current: 1000, previous: 500, delta: { absolute: 500, relative: 1 } });
    expect(big!.cells[col("costPer1k")]).toMatchObject({ current: 2, previous: 4, delta: { absolute: -2, relative: -0.5 } });
    expect(big!.cells[col("errorRate")]!.delta!.absolute).toBeCloseTo(-0.01);
    expect(small!.cells[col("requests")]).toEqual({ current: 10, previous: null, delta: null });
    expect(small!.cells[col("thumbsUpRate")]!.delta).toBeNull();
    expect(gone!.cells[col("requests")]).toEqual({ current: 0, previous: 7, delta: { absolute: -7, relative: -1 } });
    expect(gone!.cells[col("latencyP95")]!.delta).toBeNull();
  });

  it("labels an empty group key and tolerates missing groups", () => {
    expect(prepareBreakdown([{ key: "", totals: point({ count: 1 }) }], undefined)[0]!.label).toBe("(none)");
    expect(prepareBreakdown(undefined, undefined)).toEqual([]);
  });

  it("lists filter options from groups, keeping the selection", () => {
    expect(groupOptions("gpt-x", [{ key: "b", totals: point() }, { key: "", totals: point() }], [{ key: "a", totals: point() }])).toEqual(["a", "b", "gpt-x"]);
  });
});
