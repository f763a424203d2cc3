// Load generators for the benchmarks: closed loop (max throughput) and open loop (fixed rate).
import { batchJsonBodies, makeSpans } from "./workload";

type Request = { url: string; init: RequestInit };

async function timed(req: Request): Promise<{ ms: number; ok: boolean }> {
  const t0 = performance.now();
  try {
    const res = await fetch(req.url, req.init);
    await res.arrayBuffer();
    return { ms: performance.now() - t0, ok: res.status < 300 };
  } catch {
    return { ms: performance.now() - t0, ok: false };
  }
}

/** `concurrency` clients each send the next request as soon as the previous answers. */
export async function runClosedLoop(requests: Request[], concurrency: number) {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests.length) {
        const r = await timed(requests[next++]!);
        latencies.push(r.ms);
        if (!r.ok) errors++;
      }
    }),
  );
  return { ms: performance.now() - t0, latencies, errors };
}

/** Requests start on a fixed schedule regardless of answers, so queueing shows in latency. */
export async function runOpenLoop(requests: Request[], perSecond: number) {
  const latencies: number[] = [];
  let errors = 0;
  const t0 = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < requests.length; i++) {
    const due = t0 + (i / perSecond) * 1000;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(timed(requests[i]!).then((r) => {
      latencies.push(r.ms);
      if (!r.ok) errors++;
    }));
  }
  await Promise.all(pending);
  return { latencies, errors };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return +sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!.toFixed(1);
}

/**
 * The ingest benchmark's load as background for another benchmark: `clients` closed-loop clients
 * posting batch-API requests of `batch` fresh spans each to `baseUrl`, until `stop()`.
 */
export function startIngestLoad(options: { baseUrl: string; headers: Record<string, string>; clients: number; batch: number }) {
  let running = true;
  const latencies: number[] = [];
  let spans = 0;
  let errors = 0;
  let t0 = performance.now();
  const clients = Array.from({ length: options.clients }, async () => {
    while (running) {
      const body = batchJsonBodies(makeSpans(options.batch), options.batch)[0]!;
      const started = performance.now();
      try {
        const res = await fetch(`${options.baseUrl}/api/public/ingest`, { method: "POST", body, headers: { ...options.headers, "content-type": "application/json" } });
        await res.arrayBuffer();
        if (res.status === 207 || res.status === 200) spans += options.batch;
        else errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - started);
    }
  });
  return {
    /** Counting starts over (after the warm-up). */
    reset() {
      latencies.length = 0;
      spans = 0;
      errors = 0;
      t0 = performance.now();
    },
    async stop() {
      const seconds = (performance.now() - t0) / 1000;
      running = false;
      await Promise.all(clients);
      return { spansPerSec: Math.round(spans / seconds), requests: latencies.length, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), errors };
    },
  };
}
