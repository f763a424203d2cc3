import { describe, expect, it } from "vitest";
import { formatBucketTime } from "./format-date";

describe("date formats", () => {
  it("labels buckets by time of day, adding the date when the range spans days", () => {
    const t = new Date(2025, 0, 2, 13, 45).getTime();
    expect(formatBucketTime(t, "15m", false)).toBe("13:45");
    expect(formatBucketTime(t, "1h", true)).toBe("Jan 2 13:45");
    expect(formatBucketTime(t, "1d", true)).toBe("Jan 2");
  });
});
