// The SDK's batcher: flush() settles once everything queued is sent, whatever the order in which
// the size trigger, the interval timer and flush() meet.
import { describe, expect, it } from "vitest";
import { Batcher } from "../../sdk/src/batcher";
import { Sleeper } from "../../sdk/src/time";
import type { QueuedEvent } from "../../sdk/src/types";

const event = (id: string) => ({ id, bytes: 100 }) as unknown as QueuedEvent;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** With the bug this guards against, flush() spins on microtasks and no timer (not even the test's timeout) fires again: check first. */
const idle = (b: Batcher) => expect((b as unknown as { draining: Promise<void> | null }).draining).toBeNull();

function batcher(send: (events: QueuedEvent[]) => Promise<void>, flushIntervalMs = 5) {
  return new Batcher({ flushAt: 2, flushIntervalMs, maxQueueSize: 100, maxBatchBytes: 1_000_000, send, sleeper: new Sleeper(), report: () => undefined });
}

describe("Batcher", () => {
  it("flush() settles when the interval timer fires after a running drain already emptied the queue", async () => {
    const sent: string[] = [];
    const b = batcher(async (events) => {
      await wait(10);
      sent.push(...events.map((e) => e.id));
    }, 40);
    b.push(event("a"));
    b.push(event("b")); // flushAt: a drain starts and waits on its slow send
    b.push(event("c")); // arrives mid-drain: schedules the interval timer
    await wait(100); // the drain takes "c" too, then the timer fires on an empty queue
    idle(b);
    const flushed = await Promise.race([b.flush().then(() => "flushed"), wait(1_000).then(() => "hung")]);
    expect(flushed).toBe("flushed");
    expect(sent).toEqual(["a", "b", "c"]);
  });

  it("sends by size, by interval and on flush, each event once", async () => {
    const batches: string[][] = [];
    const b = batcher(async (events) => {
      batches.push(events.map((e) => e.id));
    }, 20);
    b.push(event("1"));
    b.push(event("2"));
    b.push(event("3"));
    await wait(60);
    idle(b);
    b.push(event("4"));
    await b.flush();
    expect(batches.flat()).toEqual(["1", "2", "3", "4"]);
    expect(batches[0]).toEqual(["1", "2"]);
  });
});
