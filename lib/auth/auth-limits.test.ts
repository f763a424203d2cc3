import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { assertSignInAllowed, clientIp, recordSignInFailure, recordSignInSuccess } from "./auth-limits";

function retryAfter(options: { email: string; ip: string; now: number }): number | null {
  try {
    assertSignInAllowed(options);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(429);
    return Number((error as AppError).headers!["Retry-After"]);
  }
}

describe("sign-in limits", () => {
  it("lock an account after 5 failures, then back off: each further lockout waits twice as long", () => {
    const key = { email: "backoff@example.test", ip: "192.0.2.10" };
    const t0 = 1_000_000_000_000;
    for (let i = 0; i < 5; i++) {
      expect(retryAfter({ ...key, now: t0 })).toBeNull();
      recordSignInFailure({ ...key, now: t0 });
    }
    // 5 failures refill over 15 minutes: one more try every 180 s.
    expect(retryAfter({ ...key, now: t0 })).toBe(180);
    const t1 = t0 + 180_000;
    expect(retryAfter({ ...key, now: t1 })).toBeNull();
    recordSignInFailure({ ...key, now: t1 });
    expect(retryAfter({ ...key, now: t1 })).toBe(360);
    const t2 = t1 + 360_000;
    recordSignInFailure({ ...key, now: t2 });
    expect(retryAfter({ ...key, now: t2 })).toBe(720);
    // The right password (after the wait) clears the account, not the IP's count.
    recordSignInSuccess(key);
    expect(retryAfter({ ...key, now: t2 + 720_000 })).toBeNull();
  });

  it("read the client IP from the last X-Forwarded-For entry", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6, 10.0.0.7" }))).toBe("10.0.0.7");
    expect(clientIp({ "x-forwarded-for": "10.0.0.8" })).toBe("10.0.0.8");
    expect(clientIp({})).toBe("unknown");
  });
});
