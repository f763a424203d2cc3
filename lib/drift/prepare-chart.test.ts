import { describe, expect, it } from "vitest";
import type { DriftWindow } from "../schemas/drift";
import { driftTicks, driftVerdict, niceAxis, prepareDriftChart, projectionView, spreadStacks } from "./prepare-chart";

const w = (start: string, o: Partial<DriftWindow> = {}): DriftWindow => ({
  start, end: start, referenceCount: 40, currentCount: 40, distance: 0.1, pValue: 0.3, adjustedP: 0.6, noise: 0.05, floor: 0.1, drifted: false, insufficient: false, partial: false, ...o,
});

const rowsOf = (starts: string[], granularity: string) => prepareDriftChart(starts.map((s) => w(s)), granularity);

describe("drift chart preparation", () => {
  it("marks drifted windows, keeps gaps for untested ones and labels the open window", () => {
    const rows = prepareDriftChart([
      w("2026-11-20T00:00:00.000Z"),
      w("2026-11-21T00:00:00.000Z", { distance: null, floor: null, insufficient: true }),
      w("2026-11-22T00:00:00.000Z", { distance: 0.5, drifted: true, partial: true }),
    ], "day");
    expect(rows.map((r) => r.drifted)).toEqual([null, null, 0.5]);
    expect(rows.map((r) => r.distance)).toEqual([0.1, null, 0.5]);
    expect(rows[2]!.label).toBe("2026-11-22 (so far)");
    expect(rows[0]!.band).toBe(0.1);
    expect(prepareDriftChart([w("2026-11-22T05:00:00.000Z")], "hour")[0]!.label).toBe("11-22 05:00");
  });

  it("gives short axis labels: the day, or the hour with the date at midnight", () => {
    expect(rowsOf(["2026-11-24T00:00:00.000Z"], "day")[0]!.tick).toBe("Nov 24");
    expect(rowsOf(["2026-11-24T00:00:00.000Z", "2026-11-24T05:00:00.000Z"], "hour").map((r) => r.tick)).toEqual(["Nov 24", "05:00"]);
  });

  it("labels every window when they fit, else every n-th plus each drifted one", () => {
    const few = [{ time: 1, drifted: null }, { time: 2, drifted: 0.3 }];
    expect(driftTicks(few, 10)).toEqual([1, 2]);
    const many = Array.from({ length: 24 }, (_, i) => ({ time: i, drifted: i === 13 ? 0.4 : null }));
    // Step 3: 0, 3, 6, 9, (12 and 15 crowd 13), 13, 18, 21.
    expect(driftTicks(many, 8)).toEqual([0, 3, 6, 9, 13, 18, 21]);
  });

  it("sums up the report in one verdict", () => {
    expect(driftVerdict([w("2026-11-20T00:00:00Z"), w("2026-11-21T00:00:00Z", { drifted: true })])).toEqual({ tone: "red", text: "Drift in 1 of 2 windows" });
    expect(driftVerdict([w("2026-11-20T00:00:00Z")]).tone).toBe("green");
    expect(driftVerdict([w("2026-11-20T00:00:00Z", { insufficient: true })]).tone).toBe("zinc");
  });
});

describe("projection axes", () => {
  it("picks round ticks with enough decimals to tell them apart", () => {
    expect(niceAxis(-0.07, 0.36)).toEqual({ domain: [-0.1, 0.4], ticks: [-0.1, 0, 0.1, 0.2, 0.3, 0.4], decimals: 1 });
    expect(niceAxis(0.31, 0.39).ticks).toEqual([0.3, 0.32, 0.34, 0.36, 0.38, 0.4]);
    // A 0.05 step needs two decimals, or 0.35 would read "0.3".
    expect(niceAxis(0.3, 0.4, 4)).toMatchObject({ ticks: [0.3, 0.35, 0.4], decimals: 2 });
    expect(niceAxis(0, 40).ticks).toEqual([0, 10, 20, 30, 40]);
  });

  it("fits the bulk of the points and pins far outliers to the edge", () => {
    const bulk = Array.from({ length: 300 }, (_, i) => ({ x: (i % 20) / 100, y: Math.floor(i / 20) / 100, id: i }));
    const view = projectionView([...bulk, { x: -0.8, y: 0.7, id: 999 }]);
    expect(view.x.domain[0]).toBeGreaterThan(-0.5);
    expect(view.y.domain[1]).toBeLessThan(0.5);
    expect(view.clamped).toBe(1);
    const outlier = view.points.find((p) => p.id === 999)!;
    expect(outlier).toMatchObject({ x: view.x.domain[0], y: view.y.domain[1], clamped: true });
    expect(view.points.filter((p) => p.clamped)).toHaveLength(1);
    expect(projectionView([]).points).toEqual([]);
    // Without outliers the axes just cover the data, padded: nothing moves.
    const tidy = projectionView(bulk);
    expect(tidy.clamped).toBe(0);
    expect(tidy.x.domain[0]).toBeLessThanOrEqual(0);
    expect(tidy.x.domain[1]).toBeGreaterThanOrEqual(0.19);
  });
});

describe("stacked projection points", () => {
  it("fans identical points out around their spot and counts the stack", () => {
    const same = Array.from({ length: 30 }, (_, i) => ({ x: 0.5, y: -0.2, id: i }));
    const out = spreadStacks([...same, { x: 0, y: 0, id: 99 }], 2, 2);
    const fanned = out.slice(0, 30);
    expect(new Set(fanned.map((p) => `${p.x},${p.y}`)).size).toBe(30);
    expect(fanned.every((p) => p.stacked === 30 && Math.hypot(p.x - 0.5, p.y + 0.2) < 0.2)).toBe(true);
    expect(out[30]).toEqual({ x: 0, y: 0, id: 99, stacked: 1 });
  });
});
