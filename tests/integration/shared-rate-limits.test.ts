// #14: the security limits (failed sign-ins per account and per client, sign-ups, feedback per
// client) live in Postgres, so every web process draws on one budget. A second limiter here uses
// its own pg connections, as another replica would; the attempts race on real rows.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { authOptions } from "@/lib/auth/auth-options";
import { assertSignInAllowed, reserveSignInAttempt } from "@/lib/auth/auth-limits";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { type LimiterSql, takeSharedToken } from "@/lib/rate-limit/shared-bucket";
import { sweepRateLimitBuckets } from "@/lib/rate-limit/sweep-rate-limit-buckets";
import { createUser, PASSWORD, uniqueEmail } from "../factories";

/** Another process's connections to the same database. */
const otherPool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 8 });
const otherProcess: LimiterSql = { query: async (text, values) => (await otherPool.query(text, values)).rows };
afterAll(() => otherPool.end());

type Authorize = (c: unknown, r: unknown) => Promise<{ id: string } | null>;
const authorizeFn = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;
const authorize = (email: string, password: string, ip: string) => authorizeFn({ email, password }, { headers: { "x-pharos-client-ip": ip }, body: {}, query: {}, method: "POST" });

async function retryAfter(options: { email: string; ip: string; now: Date }): Promise<number | null> {
  try {
    await assertSignInAllowed(options);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(429);
    return Number((error as AppError).headers!["Retry-After"]);
  }
}

describe("shared security limits", () => {
  it("lock an account after 5 failures, then back off: each further lockout waits twice as long", async () => {
    const key = { email: uniqueEmail("backoff"), ip: "192.0.2.10" };
    const t0 = Date.parse("2026-12-12T08:00:00Z");
    const at = (ms: number) => ({ ...key, now: new Date(ms) });
    for (let i = 0; i < 5; i++) {
      expect(await retryAfter(at(t0))).toBeNull();
      await reserveSignInAttempt(at(t0)); // a wrong password: the reserved token stays spent
    }
    // 5 failures refill over 15 minutes: one more try every 180 s.
    expect(await retryAfter(at(t0))).toBe(180);
    await expect(reserveSignInAttempt(at(t0))).rejects.toMatchObject({ code: "RATE_LIMITED", headers: { "Retry-After": "180" } });
    const t1 = t0 + 180_000;
    expect(await retryAfter(at(t1))).toBeNull();
    await reserveSignInAttempt(at(t1));
    expect(await retryAfter(at(t1))).toBe(360);
    const t2 = t1 + 360_000;
    const right = await reserveSignInAttempt(at(t2));
    expect(await retryAfter(at(t2))).toBe(720);
    // The right password clears the account (not the client's count).
    await right.succeeded();
    expect(await retryAfter(at(t2))).toBeNull();
  });

  it("two processes draw on one budget: alternating attempts get BURST tokens in total, not each", async () => {
    const limit = { scope: "test", key: randomUUID(), burst: 5, perMinute: 0.001 };
    const granted: string[] = [];
    for (let i = 0; i < 10; i++) {
      const who = i % 2 ? "B" : "A";
      const taken = await takeSharedToken(limit, who === "B" ? { sql: otherProcess } : {});
      if (taken.granted) granted.push(who);
    }
    expect(granted).toEqual(["A", "B", "A", "B", "A"]);
    const refused = await takeSharedToken(limit, { sql: otherProcess });
    expect(refused).toMatchObject({ granted: false });
    expect((refused as { retryAfter: number }).retryAfter).toBeGreaterThan(60);
  });

  it("N parallel attempts from two processes never get more than the limit", async () => {
    const limit = { scope: "test", key: randomUUID(), burst: 7, perMinute: 0.001 };
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => takeSharedToken(limit, i % 2 ? { sql: otherProcess } : {})));
    expect(results.filter((r) => r.granted)).toHaveLength(7);
  });

  it("N parallel wrong-password sign-ins for one account: exactly the limit reach the password check, the rest get 429", async () => {
    const user = await createUser("parallel");
    const outcomes = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        authorize(user.email, `guess ${i}`, `198.51.100.${i + 1}`).then(
          (r) => (r === null ? "checked" : "signed in"),
          (e: Error) => (e.message === "RateLimited" ? "429" : e.message),
        ),
      ),
    );
    expect(outcomes.filter((o) => o === "checked")).toHaveLength(5);
    expect(outcomes.filter((o) => o === "429")).toHaveLength(11);
    await expect(authorize(user.email, PASSWORD, "198.51.100.99")).rejects.toThrow("RateLimited");
  });

  it("a lockout taken through one process holds on the other; a right password through the other clears it", async () => {
    const email = uniqueEmail("cross");
    const t0 = new Date("2026-12-12T09:00:00Z");
    for (let i = 0; i < 5; i++) await reserveSignInAttempt({ email, ip: `203.0.113.${i + 1}`, now: t0 });
    await expect(reserveSignInAttempt({ email, ip: "203.0.113.50", now: t0, sql: otherProcess })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    const later = new Date(t0.getTime() + 180_000);
    const attempt = await reserveSignInAttempt({ email, ip: "203.0.113.50", now: later, sql: otherProcess });
    await attempt.succeeded();
    expect(await retryAfter({ email, ip: "203.0.113.51", now: later })).toBeNull();
  });

  it("stores hashes, not emails or addresses, and the sweep drops only buckets that have refilled", async () => {
    const email = uniqueEmail("hashed");
    // Long ago, so that the sweeps below cannot touch the buckets of tests running beside this one.
    const now = new Date("2000-01-01T00:00:00Z");
    await reserveSignInAttempt({ email, ip: "192.0.2.200", now });
    const rows = await db.$queryRawUnsafe<{ key: string }[]>("select key from rate_limit_buckets where key like $1 or key = $2", `%${email}%`, "192.0.2.200");
    expect(rows).toHaveLength(0);
    const count = () => db.$queryRawUnsafe<{ n: number }[]>("select count(*)::int as n from rate_limit_buckets where updated_at = $1", now).then((r) => r[0]!.n);
    expect(await count()).toBe(2);
    // A sign-in bucket refills completely within 15 minutes × 2^6 (the slowest backoff): kept 16 hours.
    await sweepRateLimitBuckets({ now: new Date(now.getTime() + 60 * 60_000) });
    expect(await count()).toBe(2);
    await sweepRateLimitBuckets({ now: new Date(now.getTime() + 17 * 3_600_000) });
    expect(await count()).toBe(0);
  });
});
