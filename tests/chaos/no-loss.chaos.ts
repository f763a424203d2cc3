// `npm run test:chaos`: the long version of tests/e2e/no-loss-under-faults.test.ts — 200,000 spans
// (PHAROS_CHAOS_SPANS to change it) with concurrency 32 through two immediate Postgres restarts and
// a SIGKILL of Pharos, and a 10 s kill -STOP of Postgres. Prints the counts; asserts no duplicate
// and every acknowledged span stored.
import { describe, expect, it } from "vitest";
import { frozenDatabase, restartsAndCrash } from "../support/no-loss";

const SPANS = Number(process.env.PHAROS_CHAOS_SPANS ?? 200_000);

describe(`[chaos] no loss under faults: ${SPANS} spans, concurrency 32`, () => {
  it("two immediate Postgres restarts and a SIGKILL of Pharos", async () => {
    const { tally } = await restartsAndCrash({ spans: SPANS, concurrency: 32, spreadMs: Math.max(30_000, SPANS / 2), downMs: 3_000 });
    expect(tally.sent).toBeGreaterThanOrEqual(SPANS);
    expect(tally.duplicated).toBe(0);
    expect(tally.ackedNotStored).toBe(0);
    // Whatever is not stored was given up on by the client (after its retries) and reported.
    expect(tally.sentNotStored).toBeLessThanOrEqual(tally.droppedByClient);
  });

  it("a 10 s kill -STOP of Postgres", async () => {
    const { tally, statuses } = await frozenDatabase({ spans: Math.min(SPANS, 50_000), concurrency: 32, spreadMs: 30_000, frozenMs: 10_000 });
    expect(statuses["503"]).toBeGreaterThan(0);
    expect(statuses.timeout ?? 0).toBe(0);
    expect(tally.duplicated).toBe(0);
    expect(tally.ackedNotStored).toBe(0);
    expect(tally.sentNotStored).toBeLessThanOrEqual(tally.droppedByClient);
  });
});
