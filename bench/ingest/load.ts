// Load generators for the benchmarks: closed loop (max throughput) and open loop (fixed rate).
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
