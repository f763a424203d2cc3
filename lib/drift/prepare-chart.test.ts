import { describe, expect, it } from "vitest";
import type { DriftWindow } from "../schemas/drift";
import { driftVerdict, prepareDriftChart } from "./prepare-chart";

const w = (start: string, o: Partial<DriftWindow> = {}): DriftWindow => ({
  start, end: start, referenceCount: 40, currentCount: 40, distance: 0.1, pValue: 0.3, adjustedP: 0.6, noise: 0.05, floor: 0.1, drifted: false, insufficient: false, partial: false, ...o,
});

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

  it("sums up the report in one verdict", () => {
    expect(driftVerdict([w("2026-11-20T00:00:00Z"), w("2026-11-21T00:00:00Z", { drifted: true })])).toEqual({ tone: "red", text: "Drift in 1 of 2 windows" });
    expect(driftVerdict([w("2026-11-20T00:00:00Z")]).tone).toBe("green");
    expect(driftVerdict([w("2026-11-20T00:00:00Z", { insufficient: true })]).tone).toBe("zinc");
  });
});
