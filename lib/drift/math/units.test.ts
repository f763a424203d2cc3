import { describe, expect, it } from "vitest";
import { referencePeriods } from "./baseline";
import { toUnits } from "./units";
import { vectorSet } from "./vector-set";

describe("inference units", () => {
  it("dedupes identical vectors within a unit, averages the rest and normalises", () => {
    const rows = vectorSet([[1, 0], [1, 0], [1, 0], [0, 1], [0, 1], [3, 4]]);
    const units = toUnits(rows, ["a", "a", "a", "b", "b", "c"]);
    expect(units.n).toBe(3);
    expect(units.keys).toEqual(["a", "b", "c"]);
    expect(Array.from(units.firstRow)).toEqual([0, 3, 5]);
    // Trace a: three spans with one question → the question's vector, not 3 draws of it.
    expect(Array.from(units.data.subarray(0, 2))).toEqual([1, 0]);
    expect(Array.from(units.data.subarray(4, 6)).map((v) => +v.toFixed(6))).toEqual([0.6, 0.8]);
    // Two distinct messages in one trace: their mean direction.
    const mixed = toUnits(vectorSet([[1, 0], [0, 1], [1, 0]]), ["t", "t", "t"]);
    expect(Array.from(mixed.data).map((v) => +v.toFixed(6))).toEqual([0.707107, 0.707107]);
  });
});

describe("reference periods", () => {
  const at = (iso: string) => new Date(iso);
  it("pools the previous 7 days for daily windows and the same hour of the previous 7 days for hourly ones", () => {
    const day = referencePeriods({ start: at("2026-10-10T00:00:00Z"), end: at("2026-10-11T00:00:00Z") }, "day", { kind: "trailing" });
    expect(day.map((p) => p.start.toISOString().slice(0, 10))).toEqual(["2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07", "2026-10-08", "2026-10-09"]);
    const hour = referencePeriods({ start: at("2026-10-10T14:00:00Z"), end: at("2026-10-10T15:00:00Z") }, "hour", { kind: "trailing" });
    expect(hour.map((p) => p.start.toISOString())).toEqual([3, 4, 5, 6, 7, 8, 9].map((d) => `2026-10-0${d}T14:00:00.000Z`));
    expect(hour.every((p) => p.end.getTime() - p.start.getTime() === 3_600_000)).toBe(true);
    expect(referencePeriods({ start: at("2026-10-10T14:00:00Z"), end: at("2026-10-10T15:00:00Z") }, "hour", { kind: "previous" })[0]!.start.toISOString()).toBe("2026-10-10T13:00:00.000Z");
    const fixed = { kind: "fixed" as const, start: at("2026-09-01T00:00:00Z"), end: at("2026-09-08T00:00:00Z") };
    expect(referencePeriods({ start: at("2026-10-10T00:00:00Z"), end: at("2026-10-11T00:00:00Z") }, "day", fixed)).toEqual([{ start: fixed.start, end: fixed.end }]);
  });
});
