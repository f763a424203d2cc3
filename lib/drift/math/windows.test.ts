import { describe, expect, it } from "vitest";
import { recentWindows, windowClosedSince, windowStart } from "./windows";

describe("drift windows", () => {
  const now = new Date("2026-11-25T08:40:00Z");
  it("aligns to UTC hours and days", () => {
    expect(windowStart(now, "hour").toISOString()).toBe("2026-11-25T08:00:00.000Z");
    expect(windowStart(now, "day").toISOString()).toBe("2026-11-25T00:00:00.000Z");
  });

  it("lists the recent windows oldest first, the open one partial, plus the reference window when asked", () => {
    const w = recentWindows(now, "day", 3, true);
    expect(w.map((x) => x.start.toISOString().slice(0, 10))).toEqual(["2026-11-22", "2026-11-23", "2026-11-24", "2026-11-25"]);
    expect(w.map((x) => x.partial)).toEqual([false, false, false, true]);
    expect(recentWindows(now, "hour", 2, false).map((x) => x.start.toISOString().slice(11, 16))).toEqual(["07:00", "08:00"]);
  });

  it("knows when a window has closed since a report was computed", () => {
    expect(windowClosedSince(new Date("2026-11-25T07:59:00Z"), now, "hour")).toBe(true);
    expect(windowClosedSince(new Date("2026-11-25T08:01:00Z"), now, "hour")).toBe(false);
    expect(windowClosedSince(new Date("2026-11-25T08:01:00Z"), now, "day")).toBe(false);
  });
});
