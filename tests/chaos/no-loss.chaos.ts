// `npm run test:chaos`: the long version of tests/e2e/no-loss-under-faults.test.ts — 200,000 spans
// (PHAROS_CHAOS_SPANS to change it) with concurrency 32 through two immediate Postgres restarts and
// a SIGKILL of Pharos, and a 10 s kill -STOP of Postgres. Prints the counts; asserts no duplicate,
// every acknowledged span stored, and the SDK's retries bringing the rest (nothing dropped).
import { describe, expect, it } from "vitest";
import { frozenDatabase, restartsAndCrash } from "../support/no-loss";

const SPANS = Number(process.env.PHAROS_CHAOS_SPANS ?? 200_000);

describe(`[chaos] no loss under faults: ${SPANS} spans, concurrency 32`, () => {
  it("two immediate Postgres restarts and a SIGKILL of Pharos", async () => {
    const { tally } = await restartsAndCrash({ spans: SPANS, concurrency: 32, spreadMs: Math.max(30_000, SPANS / 2), downMs: 3_000 });
    expect(tally.sent).toBeGreaterThanOrEqual(SPANS);
    expect(tally.duplicated).toBe(0);
    expect(tally.ackedNotStored).toBe(0);
    // The SDK's retries bring every span the server did not acknowledge: nothing given up on, nothing missing.
    expect(tally.droppedByClient).toBe(0);
    expect(tally.sentNotStored).toBe(0);
  });

  it("a 10 s kill -STOP of Postgres", async () => {
    const { tally, statuses } = await frozenDatabase({ spans: Math.min(SPANS, 50_000), concurrency: 32, spreadMs: 30_000, frozenMs: 10_000 });
    expect(statuses["503"]).toBeGreaterThan(0);
    expect(statuses.timeout ?? 0).toBe(0);
    expect(tally.duplicated).toBe(0);
    expect(tally.ackedNotStored).toBe(0);
    expect(tally.droppedByClient).toBe(0);
    expect(tally.sentNotStored).toBe(0);
  });
});
