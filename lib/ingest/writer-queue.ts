import "server-only";
import { isDatabaseUnavailable } from "../db-errors";
import { AppError } from "../errors";
import { sqlPool } from "../db-sql-pool";
import { env } from "../env";
import type { WriteBatch } from "./rows";
import { writeBatch, type WriteResult } from "./write-batch";

type Pending = { batch: WriteBatch; size: number; resolve: (r: WriteResult) => void; reject: (e: unknown) => void };

// Read per use so operators (and tests) can tune them without a restart of the module.
const maxQueuedRows = () => env().PHAROS_INGEST_QUEUE_ROWS;
const maxRowsPerWrite = () => env().PHAROS_INGEST_WRITE_ROWS;
const lingerMs = () => env().PHAROS_INGEST_LINGER_MS;
// Two writers (the default) keep Postgres busy while Node prepares the next batch; rows are written in key
// order, so concurrent upserts of the same trace or minute wait on each other, never deadlock.
const writers = () => env().PHAROS_INGEST_WRITERS;
const writeTimeoutMs = () => env().PHAROS_INGEST_WRITE_TIMEOUT_MS;

const sizeOf = (b: WriteBatch) => b.spans.length + b.traces.length + b.scores.length;

/**
 * A bounded in-memory queue in front of the ingest writers. Requests that arrive while
 * a write is in flight (or within LINGER_MS) are combined into the next transaction, so
 * under load many small requests become few large set-based writes. Each request's promise
 * settles only after its rows are committed: a 2xx always means stored. When the queue is
 * full, callers get 503 + Retry-After instead of unbounded memory growth.
 */
class WriterQueue {
  private pending: Pending[] = [];
  private queuedRows = 0;
  private inFlight = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  readonly stats = { writes: 0, rowsWritten: 0, requests: 0 };

  get depth(): number {
    return this.queuedRows;
  }

  enqueue(batch: WriteBatch): Promise<WriteResult> {
    const size = sizeOf(batch);
    if (size === 0) return Promise.resolve({ spans: 0, scores: 0 });
    if (this.queuedRows + size > maxQueuedRows()) {
      return Promise.reject(new AppError("UNAVAILABLE", "Ingest queue is full; retry shortly", undefined, { "Retry-After": "1" }));
    }
    this.queuedRows += size;
    this.stats.requests++;
    return new Promise((resolve, reject) => {
      this.pending.push({ batch, size, resolve, reject });
      this.schedule();
    });
  }

  private schedule() {
    if (this.timer || this.inFlight >= writers()) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.startWrites();
    }, lingerMs());
  }

  /** Starts writes while there is work and a free writer; each takes what queued meanwhile. */
  private startWrites() {
    while (this.pending.length && this.inFlight < writers()) {
      const group: Pending[] = [];
      let rows = 0;
      while (this.pending.length && (group.length === 0 || rows + this.pending[0]!.size <= maxRowsPerWrite())) {
        const next = this.pending.shift()!;
        group.push(next);
        rows += next.size;
      }
      this.inFlight++;
      void this.write(group).finally(() => {
        this.inFlight--;
        this.queuedRows -= rows;
        this.startWrites();
      });
    }
  }

  private async write(group: Pending[]) {
    const combined: WriteBatch = { spans: [], traces: [], scores: [] };
    for (const p of group) {
      combined.spans.push(...p.batch.spans);
      combined.traces.push(...p.batch.traces);
      combined.scores.push(...p.batch.scores);
    }
    try {
      await writeBatch(sqlPool(), combined, { timeoutMs: writeTimeoutMs() });
      this.stats.writes++;
      this.stats.rowsWritten += sizeOf(combined);
      // Per-request counts are not separable after combining; callers only need "committed".
      for (const p of group) p.resolve({ spans: p.batch.spans.length, scores: p.batch.scores.length });
    } catch (error) {
      if (group.length === 1) {
        group[0]!.reject(error);
        return;
      }
      // One request's rows must not fail its neighbours: retry each on its own.
      // When the database is away, each would fail the same way: fail them all at once, and the
      // requests still waiting too, so no request waits through several timeouts in a row.
      if (isDatabaseUnavailable(error)) {
        for (const p of group) p.reject(error);
        const waiting = this.pending.splice(0);
        for (const p of waiting) {
          this.queuedRows -= p.size;
          p.reject(error);
        }
        return;
      }
      for (const p of group) {
        await writeBatch(sqlPool(), p.batch, { timeoutMs: writeTimeoutMs() }).then(p.resolve, p.reject);
      }
    }
  }
}

const globalForQueue = globalThis as unknown as { pharosWriterQueue?: WriterQueue };

export function writerQueue(): WriterQueue {
  globalForQueue.pharosWriterQueue ??= new WriterQueue();
  return globalForQueue.pharosWriterQueue;
}
