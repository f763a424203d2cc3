import { describe, expect, it } from "vitest";
import type { DriftWindow } from "../../schemas/drift";
import { driftTicks, driftVerdict, prepareDriftChart, waitingSpans } from "./prepare-drift-chart";

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

  it("says why a window is untested: spans still waiting for vectors, or genuinely too few", () => {
    const untested = { distance: null, floor: null, insufficient: true };
    const rows = prepareDriftChart([
      w("2026-11-20T00:00:00.000Z", { ...untested, currentCount: 2, llmSpans: 1_180, waiting: 1_178, referenceWaiting: 0 }),
      w("2026-11-21T00:00:00.000Z", { ...untested, referenceCount: 3, llmSpans: 40, waiting: 0, referenceWaiting: 37 }),
      w("2026-11-22T00:00:00.000Z", { ...untested, currentCount: 4, llmSpans: 4, waiting: 0, referenceWaiting: 0 }),
      w("2026-11-23T00:00:00.000Z", { ...untested, currentCount: 4, llmSpans: 9, waiting: null, referenceWaiting: null }),
      w("2026-11-24T00:00:00.000Z", { llmSpans: 40, waiting: 0 }),
    ], "day");
    expect(rows.map((r) => r.note)).toEqual([
      "waiting for embeddings: 1,178 in this window",
      "waiting for embeddings: 37 in its reference",
      "too few vectors: 40 → 4, at least 10 a side (4 of 4 LLM spans have one)",
      "too few vectors: 40 → 4, at least 10 a side (4 of 9 LLM spans have one)",
      null,
    ]);
    const all = [w("2026-11-20T00:00:00Z", { ...untested, waiting: 12 }), w("2026-11-21T00:00:00Z", { ...untested, waiting: 3 })];
    expect(waitingSpans(all)).toBe(15);
    expect(driftVerdict(all)).toEqual({ tone: "zinc", text: "Waiting for embeddings: 15 LLM spans have no vector yet" });
    // Reports stored before these counts existed read as before.
    expect(prepareDriftChart([w("2026-11-20T00:00:00Z", { ...untested, currentCount: 1 })], "day")[0]!.note).toBe("too few vectors: 40 → 1, at least 10 a side");
  });
});
