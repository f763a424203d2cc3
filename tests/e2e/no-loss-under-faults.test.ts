// [reliability] No span is lost or duplicated through database restarts, a crash of Pharos and a
// frozen database: 5,000 spans here (about a minute); `npm run test:chaos` sends 200,000.
import { describe, expect, it } from "vitest";
import { frozenDatabase, restartsAndCrash } from "../support/no-loss";

describe("[reliability] no loss under faults (SDK, concurrency 32)", () => {
  it("5,000 spans through two immediate Postgres restarts and a SIGKILL of Pharos: every acknowledged span stored exactly once", async () => {
    const { tally } = await restartsAndCrash({ spans: 5_000, concurrency: 32, spreadMs: 20_000, downMs: 2_000 });
    expect(tally.sent).toBeGreaterThanOrEqual(5_000);
    expect(tally.duplicated).toBe(0);
    expect(tally.ackedNotStored).toBe(0);
    // The SDK's retries brought the rest: nothing given up on, everything stored.
    expect(tally.droppedByClient).toBe(0);
    expect(tally.stored).toBe(tally.sent);
  }, 240_000);

  it("kill -STOP of Postgres for 10 s: requests time out into 503 (the server never hangs) and kill -CONT recovers", async () => {
    const { tally, statuses, healthDuringFreeze, ledger } = await frozenDatabase({ spans: 2_000, concurrency: 32, spreadMs: 16_000, frozenMs: 10_000 });
    expect(statuses["503"]).toBeGreaterThan(0);
    // No SDK request ran into its own 15 s timeout: the server answered every one.
    expect(statuses.timeout ?? 0).toBe(0);
    expect(Math.max(...ledger.requests.map(([start, end]) => end - start))).toBeLessThan(15_000);
    expect(healthDuringFreeze.length).toBeGreaterThan(0);
    for (const h of healthDuringFreeze) {
      expect(h.status).toBe(503);
      expect(h.ms).toBeLessThan(5_000);
    }
    expect(tally.duplicated).toBe(0);
    expect(tally.ackedNotStored).toBe(0);
    expect(tally.droppedByClient).toBe(0);
    expect(tally.stored).toBe(tally.sent);
  }, 240_000);
});
