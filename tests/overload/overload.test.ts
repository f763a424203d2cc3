// Overload (`npm run test:overload`): a production server (npm start) is measured first — a short
// closed-loop ramp of ingest batches finds its capacity (batches/s) — then offered 3× that as an
// open-loop arrival rate for OVERLOAD_SECONDS. Every answer must be 2xx, 429 or 503 with
// Retry-After (no 500, no reset connection, no request left hanging past the client timeout); the
// web process's RSS stays under RSS_BOUND_MB; and once the load stops, throughput is back to
// RECOVERED_FRACTION of capacity within RECOVERY_BOUND_S. The figures are printed.
import { readFileSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sampleTraceEvents } from "../support/ingest";
import { type PharosServer, readCredentials, startPharos } from "../support/pharos-server";

const RAMP = [2, 4, 8, 16, 32];
const RAMP_SECONDS = 3;
const OVERLOAD_SECONDS = 10;
const CLIENT_TIMEOUT_MS = 30_000;
const RSS_BOUND_MB = 768; // measured: ~300 MB idle, ~360 MB peak at 3× capacity
const RECOVERED_FRACTION = 0.6;
const RECOVERY_BOUND_S = 10;

let server: PharosServer | undefined;
afterAll(async () => {
  await server?.stop();
});

type Outcome = { status: number; retryAfter: string | null; ms: number } | { error: string; ms: number };

function batch() {
  return JSON.stringify({ batch: Array.from({ length: 5 }, () => sampleTraceEvents().events).flat() });
}

async function send(url: string, auth: string): Promise<Outcome> {
  const t0 = performance.now();
  try {
    const res = await fetch(url, { method: "POST", headers: { authorization: auth, "content-type": "application/json" }, body: batch(), signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS) });
    await res.arrayBuffer();
    return { status: res.status, retryAfter: res.headers.get("retry-after"), ms: performance.now() - t0 };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { error: `${(error as Error).name}: ${(error as Error).message}${cause ? ` (${cause.code ?? cause.message})` : ""}`, ms: performance.now() - t0 };
  }
}

/** Closed loop: `concurrency` clients back to back for `seconds`; successful batches per second. */
async function closedLoop(url: string, auth: string, concurrency: number, seconds: number): Promise<number> {
  const end = performance.now() + seconds * 1000;
  let ok = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (performance.now() < end) {
      const o = await send(url, auth);
      if ("status" in o && o.status < 300) ok++;
    }
  }));
  return ok / seconds;
}

/** RSS in MB of every process below `pid` whose command line matches. */
async function rssMb(rootPid: number, match: RegExp): Promise<number> {
  const parents = new Map<number, number>();
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await readFile(`/proc/${entry}/stat`, "utf8");
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // exited meanwhile
    }
  }
  const below = (pid: number): boolean => pid === rootPid || (parents.has(pid) && pid !== 1 && below(parents.get(pid)!));
  let kb = 0;
  for (const pid of parents.keys()) {
    if (!below(pid)) continue;
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
      if (!match.test(cmd)) continue;
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      // exited meanwhile
    }
  }
  return kb / 1024;
}

describe("overload", () => {
  it("at 3× measured capacity answers only 2xx/429/503+Retry-After, bounds RSS, and recovers", async () => {
    server = await startPharos({ env: { PHAROS_INGEST_RATE_LIMIT_PER_MINUTE: "1000000" } });
    const creds = readCredentials(await readFile(path.join(server.dataDir, "credentials"), "utf8"));
    const auth = `Bearer ${creds.secret_key}`;
    const url = `${server.baseUrl}/api/public/ingest`;
    const web = /next/; // the web server names its process "next-server (pharos)", as `next start` did "next-server (v…)"

    // 1. Capacity: the best throughput of a short ramp.
    await closedLoop(url, auth, 2, 2); // warm-up
    const ramp: Record<number, number> = {};
    for (const c of RAMP) ramp[c] = await closedLoop(url, auth, c, RAMP_SECONDS);
    const [bestConcurrency, capacity] = Object.entries(ramp).map(([c, t]) => [Number(c), t] as const).sort((a, b) => b[1] - a[1])[0]!;
    expect(capacity).toBeGreaterThan(0);
    const rssIdle = await rssMb(server.child.pid!, web);

    // 2. Open loop at 3× capacity: arrivals do not wait for answers.
    const rate = 3 * capacity;
    const outcomes: Promise<Outcome>[] = [];
    let rssPeak = rssIdle;
    const sampler = setInterval(() => void rssMb(server!.child.pid!, web).then((mb) => (rssPeak = Math.max(rssPeak, mb))), 250);
    const start = performance.now();
    await new Promise<void>((resolve) => {
      const tick = setInterval(() => {
        const elapsed = (performance.now() - start) / 1000;
        const due = Math.floor(elapsed * rate) - outcomes.length;
        for (let i = 0; i < due; i++) outcomes.push(send(url, auth));
        if (elapsed >= OVERLOAD_SECONDS) {
          clearInterval(tick);
          resolve();
        }
      }, 10);
    });
    const results = await Promise.all(outcomes);
    clearInterval(sampler);
    rssPeak = Math.max(rssPeak, await rssMb(server.child.pid!, web));

    // 3. Recovery: 1-s windows at the best concurrency until throughput is back.
    let recoveredAfter = -1;
    const recovery: number[] = [];
    for (let s = 1; s <= RECOVERY_BOUND_S; s++) {
      const t = await closedLoop(url, auth, bestConcurrency, 1);
      recovery.push(Math.round(t));
      if (t >= RECOVERED_FRACTION * capacity) {
        recoveredAfter = s;
        break;
      }
    }

    const byStatus: Record<string, number> = {};
    for (const r of results) {
      const k = "status" in r ? String(r.status) : r.error.replace(/^[^:]*: /, "");
      byStatus[k] = (byStatus[k] ?? 0) + 1;
    }
    const latencies = results.map((r) => r.ms).sort((a, b) => a - b);
    const p = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
    console.log(
      `[overload] ramp (concurrency → batches/s): ${JSON.stringify(Object.fromEntries(Object.entries(ramp).map(([c, t]) => [c, Math.round(t)])))}; ` +
        `capacity ${capacity.toFixed(1)} batches/s (15 events each) at concurrency ${bestConcurrency}; offered ${rate.toFixed(1)}/s for ${OVERLOAD_SECONDS} s = ${results.length} requests; ` +
        `answers ${JSON.stringify(byStatus)}; latency p50 ${p(0.5)} ms p99 ${p(0.99)} ms max ${p(1)} ms; web RSS idle ${rssIdle.toFixed(0)} MB peak ${rssPeak.toFixed(0)} MB (bound ${RSS_BOUND_MB}); ` +
        `recovery windows (batches/s) ${JSON.stringify(recovery)} → back to ${RECOVERED_FRACTION * 100}% after ${recoveredAfter} s`,
    );

    const bad = results.filter((r) => !("status" in r) || !(r.status < 300 || ((r.status === 429 || r.status === 503) && r.retryAfter)));
    expect(bad.slice(0, 5), `${bad.length} answers other than 2xx / 429 / 503 with Retry-After`).toEqual([]);
    expect(rssPeak).toBeLessThan(RSS_BOUND_MB);
    expect(recoveredAfter, `throughput after the load: ${JSON.stringify(recovery)} vs capacity ${capacity}`).toBeGreaterThan(0);
  });
});
