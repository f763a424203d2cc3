import { PharosError } from "./errors.js";
import { unrefTimeout, type Sleeper } from "./time.js";
import type { QueuedEvent } from "./types.js";

export type BatcherOptions = {
  flushAt: number;
  flushIntervalMs: number;
  maxQueueSize: number;
  /** Keeps each request well under the server's 5 MB body limit. */
  maxBatchBytes: number;
  send: (events: QueuedEvent[]) => Promise<void>;
  sleeper: Sleeper;
  report: (error: PharosError) => void;
};

/**
 * A bounded in-memory queue drained by one sender at a time: a batch goes out when
 * flushAt events are waiting or flushIntervalMs after the first one, whichever is first.
 */
export class Batcher {
  private queue: QueuedEvent[] = [];
  private draining: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  dropped = 0;

  constructor(private readonly options: BatcherOptions) {}

  get size(): number {
    return this.queue.length;
  }

  push(event: QueuedEvent): void {
    if (this.queue.length >= this.options.maxQueueSize) {
      const [oldest] = this.queue.splice(0, this.queue.length - this.options.maxQueueSize + 1);
      this.dropped++;
      this.options.report(
        new PharosError("queue_full", `event queue is full (maxQueueSize ${this.options.maxQueueSize}); dropping the oldest events`, { eventIds: oldest ? [oldest.id] : [] }),
      );
    }
    this.queue.push(event);
    if (this.queue.length >= this.options.flushAt) void this.drain();
    else this.schedule();
  }

  /** Resolves when everything queued before and during the call has been sent or given up. */
  async flush(): Promise<void> {
    const release = this.options.sleeper.hold();
    try {
      while (this.queue.length > 0 || this.draining) await this.drain();
    } finally {
      release();
    }
  }

  /** Stops the timer for good; later events are still sent by size or by flush(). */
  stop(): void {
    this.stopped = true;
    this.clearTimer();
  }

  private schedule(): void {
    if (this.timer || this.stopped || this.queue.length === 0) return;
    this.timer = unrefTimeout(() => {
      this.timer = null;
      void this.drain();
    }, this.options.flushIntervalMs);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private drain(): Promise<void> {
    if (this.draining) return this.draining;
    this.clearTimer();
    // A timer set while a drain was running can fire after that drain emptied the queue.
    if (this.queue.length === 0) return Promise.resolve();
    const sending = (async () => {
      try {
        while (this.queue.length > 0) await this.options.send(this.takeBatch());
      } catch (error) {
        this.options.report(new PharosError("internal", `sending failed unexpectedly: ${String(error)}`));
      }
    })();
    // Cleared in a later microtask, never before the assignment: a drain that finished at once
    // and stayed in `draining` made flush() spin forever on a settled promise.
    this.draining = sending.finally(() => {
      this.draining = null;
      this.schedule();
    });
    return this.draining;
  }

  private takeBatch(): QueuedEvent[] {
    let bytes = 0;
    let count = 0;
    for (const event of this.queue) {
      if (count >= this.options.flushAt) break;
      if (count > 0 && bytes + event.bytes > this.options.maxBatchBytes) break;
      bytes += event.bytes;
      count++;
    }
    return this.queue.splice(0, count);
  }
}
