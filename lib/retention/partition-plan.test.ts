import { describe, expect, it } from "vitest";
import { planPartition, reachedBy } from "./partition-plan";

const day = (d: string) => new Date(`${d}T00:00:00Z`);
// Partition of 2026-05-01: start times before 2026-05-02.
const to = day("2026-05-02");
const boundaries = new Map([["a", day("2026-05-10")], ["b", day("2026-05-02")], ["c", day("2026-05-01")]]);

describe("planPartition", () => {
  it("drops a partition whose every project is past its boundary (a boundary at the partition's end counts)", () => {
    expect(planPartition({ to, present: ["a", "b"], boundaries, emptyMayGo: false })).toEqual({ action: "drop" });
  });
  it("deletes only the expired projects' rows when another project still keeps its spans there", () => {
    expect(planPartition({ to, present: ["a", "c"], boundaries, emptyMayGo: false })).toEqual({ action: "delete", projects: ["a"] });
    // A project without retention keeps everything.
    expect(planPartition({ to, present: ["a", "b", "nolimit"], boundaries, emptyMayGo: true })).toEqual({ action: "delete", projects: ["a", "b"] });
  });
  it("skips a partition no present project's retention reaches", () => {
    expect(planPartition({ to, present: ["c", "nolimit"], boundaries, emptyMayGo: true })).toEqual({ action: "skip" });
  });
  it("drops an empty partition only when allowed (full pass, older than the kept window)", () => {
    expect(planPartition({ to, present: [], boundaries, emptyMayGo: true })).toEqual({ action: "drop" });
    expect(planPartition({ to, present: [], boundaries, emptyMayGo: false })).toEqual({ action: "skip" });
  });
  it("says whether any retention reaches a partition", () => {
    expect(reachedBy(boundaries, to)).toBe(true);
    expect(reachedBy(boundaries, day("2026-05-11"))).toBe(false);
    expect(reachedBy(new Map(), to)).toBe(false);
  });
});
