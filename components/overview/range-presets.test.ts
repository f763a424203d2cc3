import { describe, expect, it } from "vitest";
import { resolveRange } from "./range-presets";

describe("resolveRange", () => {
  const now = Date.parse("2025-01-10T12:00:30Z");

  it("ends presets at the next whole minute and picks the bucket from the length", () => {
    const r = resolveRange({ range: "1h", filters: {} }, now);
    expect(r.to.toISOString()).toBe("2025-01-10T12:01:00.000Z");
    expect(r.from.toISOString()).toBe("2025-01-10T11:01:00.000Z");
    expect(r.bucket).toBe("1m");
    expect(resolveRange({ range: "30d", filters: {} }, now).bucket).toBe("6h");
  });

  it("is stable within a minute so queries hit the cache", () => {
    const a = resolveRange({ range: "24h", filters: {} }, now);
    const b = resolveRange({ range: "24h", filters: {} }, now + 20_000);
    expect(a.from.getTime()).toBe(b.from.getTime());
  });

  it("gives the previous period of the same length, ending where this one starts", () => {
    const r = resolveRange({ range: "custom", from: "2025-01-03T00:00:00.000Z", to: "2025-01-05T00:00:00.000Z", filters: {} }, now);
    expect(r.previous.from.toISOString()).toBe("2025-01-01T00:00:00.000Z");
    expect(r.previous.to.toISOString()).toBe("2025-01-03T00:00:00.000Z");
    expect(r.bucket).toBe("15m");
  });
});
