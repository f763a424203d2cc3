import { describe, expect, it } from "vitest";
import type { DriftWindow } from "../../schemas/drift";
import { driftTicks, driftVerdict, prepareDriftChart } from "./prepare-drift-chart";

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
