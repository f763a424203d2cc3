import { describe, expect, it } from "vitest";
import { isRetryableStatus, parseRetryAfter, retryDelayMs } from "./retry-policy";

const policy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 5_000 };

describe("retry policy", () => {
  it("reads Retry-After as seconds or as an HTTP date", () => {
    const now = Date.parse("2026-12-08T10:00:00Z");
    expect(parseRetryAfter("2", now)).toBe(2000);
    expect(parseRetryAfter("0.5", now)).toBe(500);
    expect(parseRetryAfter("Tue, 08 Dec 2026 10:00:03 GMT", now)).toBe(3000);
    expect(parseRetryAfter("Tue, 08 Dec 2026 09:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });

  it("backs off exponentially, prefers the provider's Retry-After, and caps both", () => {
    expect([1, 2, 3].map((a) => retryDelayMs(a, null, policy))).toEqual([100, 200, 400]);
    expect(retryDelayMs(1, 2000, policy)).toBe(2000);
    expect(retryDelayMs(1, 60_000, policy)).toBe(5000);
    expect(retryDelayMs(20, null, policy)).toBe(5000);
  });

  it("retries rate limits, timeouts and server errors, never other client errors", () => {
    expect([408, 429, 500, 502, 503].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 422].some(isRetryableStatus)).toBe(false);
  });
});
