import { describe, expect, it } from "vitest";
import { daysAround, partitionName, retentionBoundary, utcDayStart } from "./days";

describe("retention days", () => {
  it("cuts at the UTC midnight at or before now − days", () => {
    const now = new Date("2026-12-11T15:30:00Z");
    expect(retentionBoundary(now, 30).toISOString()).toBe("2026-11-11T00:00:00.000Z");
    expect(retentionBoundary(new Date("2026-12-11T00:00:00Z"), 1).toISOString()).toBe("2026-12-10T00:00:00.000Z");
    // Never more than `days` + 1 days kept, never less than `days`.
    const kept = now.getTime() - retentionBoundary(now, 7).getTime();
    expect(kept).toBeGreaterThanOrEqual(7 * 86_400_000);
    expect(kept).toBeLessThan(8 * 86_400_000);
  });

  it("names a day's partition by its UTC date, whatever the local time", () => {
    expect(partitionName(utcDayStart(new Date("2026-01-05T23:59:59.999Z")))).toBe("spans_p20260105");
    expect(partitionName(utcDayStart(new Date("2026-01-06T00:00:00Z")))).toBe("spans_p20260106");
  });

  it("lists the days of the maintenance window, today included", () => {
    const days = daysAround(new Date("2026-12-31T12:00:00Z"), 2, 1).map((d) => d.toISOString().slice(0, 10));
    expect(days).toEqual(["2026-12-29", "2026-12-30", "2026-12-31", "2027-01-01"]);
  });
});
