/**
 * npm run bench:prompts — prompt fetch latency over HTTP, 50 concurrent fetchers, while the
 * ingest benchmark's load (its workload generator: batch JSON of ~1 KB Korean and English chat
 * spans, batches of 100, 16 clients, closed loop) runs at full speed against the same server.
 * Three paths side by side, interleaved in every fetcher so all see the same load:
 *   cached   GET /api/public/prompts/{name}?stickyKey=…   (a label with a 10 % canary)
 *   uncached the same request with `x-pharos-bench-cache: off`, which the route honours only
 *            under PHAROS_BENCH_MODE: head and version read from Postgres on every call
 *   floor    GET /api/public/projects: key auth (cached) + one primary-key read, the cheapest
 *            authenticated endpoint there is
 * First a few seconds without ingest (idle), then the loaded run. Writes bench/prompts/results.json.
 */
import pg from "pg";
import { percentile, startIngestLoad } from "../ingest/load";
import { startBenchPharos } from "../lib/bench-server";
import { startBenchDatabase } from "../lib/database";
import { type LatencyStats, machineFacts, postgresVersion, type PromptsResults, runLabel, writeResults } from "../lib/results";
import { seedBenchPrompt } from "./seed";

const FETCHERS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const IDLE_SECONDS = 5;
const WARMUP_SECONDS = 5;
const INGEST_CLIENTS = 16;
const BATCH = 100;
const CANARY_PERCENT = 10;
const STICKY_KEYS = 1_000;
const SECRET = "sk-bench-prompts-0123456789abcdef";
const PROMPT = "support/answer";

const db = await startBenchDatabase("prompts");
const server = await startBenchPharos({ databaseUrl: db.url, publicKey: "pk-bench-prompts-0123456789", secretKey: SECRET, env: { PHAROS_BENCH_MODE: "true" } });
const auth = { authorization: `Bearer ${SECRET}` };

type Path = "cached" | "uncached" | "floor";
const PATHS: Path[] = ["cached", "uncached", "floor"];
const requestFor = (path: Path, n: number): { url: string; headers: Record<string, string> } => {
  const stickyKey = `user-${n % STICKY_KEYS}`;
  if (path === "floor") return { url: `${server.baseUrl}/api/public/projects`, headers: auth };
  const url = `${server.baseUrl}/api/public/prompts/${PROMPT}?stickyKey=${stickyKey}`;
  return { url, headers: path === "uncached" ? { ...auth, "x-pharos-bench-cache": "off" } : auth };
};

/** 50 fetchers, each cycling through the three paths, for `seconds`; latencies kept after `warmup`. */
async function fetchPhase(seconds: number, warmup: number) {
  const samples: Record<Path, number[]> = { cached: [], uncached: [], floor: [] };
  const errors: Record<Path, number> = { cached: 0, uncached: 0, floor: 0 };
  const t0 = performance.now();
  const keepFrom = t0 + warmup * 1000;
  const end = keepFrom + seconds * 1000;
  let n = 0;
  await Promise.all(Array.from({ length: FETCHERS }, async (_, fetcher) => {
    for (let i = fetcher; performance.now() < end; i++) {
      const path = PATHS[i % 3]!;
      const { url, headers } = requestFor(path, n++);
      const started = performance.now();
      let ok = false;
      try {
        const res = await fetch(url, { headers });
        await res.arrayBuffer();
        ok = res.status === 200;
      } catch {
        ok = false;
      }
      if (started < keepFrom) continue;
      samples[path].push(performance.now() - started);
      if (!ok) errors[path]++;
    }
  }));
  const stats = (path: Path): LatencyStats => ({
    requests: samples[path].length, p50Ms: percentile(samples[path], 50), p99Ms: percentile(samples[path], 99),
    maxMs: +samples[path].reduce((a, b) => Math.max(a, b), 0).toFixed(1), errors: errors[path],
  });
  return { cached: stats("cached"), uncached: stats("uncached"), floor: stats("floor") };
}

/** The ingest benchmark's load, closed loop, until `stop()`: fresh spans for every request. */
const startIngest = () => startIngestLoad({ baseUrl: server.baseUrl, headers: auth, clients: INGEST_CLIENTS, batch: BATCH });

try {
  const check = new pg.Client({ connectionString: db.url });
  await check.connect();
  const templateBytes = await seedBenchPrompt(check, { name: PROMPT, canaryPercent: CANARY_PERCENT });
  const postgres = await postgresVersion(check);

  console.log(`[bench] idle: ${FETCHERS} fetchers for ${IDLE_SECONDS} s`);
  const idle = await fetchPhase(IDLE_SECONDS, 2);
  console.log(`[bench] under ingest load: ${INGEST_CLIENTS} ingest clients + ${FETCHERS} fetchers, ${WARMUP_SECONDS} s warm-up + ${SECONDS} s`);
  const ingest = startIngest();
  const loadedPromise = fetchPhase(SECONDS, WARMUP_SECONDS);
  setTimeout(() => ingest.reset(), WARMUP_SECONDS * 1000);
  const loaded = await loadedPromise;
  const ingestStats = await ingest.stop();
  const stored = (await check.query("select count(*)::int as n from spans")).rows[0].n as number;
  await check.end();

  const r = (x: number, y: number) => +(x / y).toFixed(2);
  const results: PromptsResults = {
    benchmark: "prompts", format: 1, date: new Date().toISOString(), ...runLabel(),
    machine: machineFacts(postgres),
    parameters: { fetchers: FETCHERS, seconds: SECONDS, warmupSeconds: WARMUP_SECONDS, idleSeconds: IDLE_SECONDS, ingestClients: INGEST_CLIENTS, batch: BATCH, canaryPercent: CANARY_PERCENT, stickyKeys: STICKY_KEYS, templateBytes },
    measurements: { idle, loaded, ingest: { ...ingestStats, storedSpans: stored } },
    ratios: {
      cachedVsFloorP99: r(loaded.cached.p99Ms, loaded.floor.p99Ms),
      uncachedVsFloorP99: r(loaded.uncached.p99Ms, loaded.floor.p99Ms),
      uncachedVsCachedP99: r(loaded.uncached.p99Ms, loaded.cached.p99Ms),
    },
  };
  const row = (s: LatencyStats) => ({ requests: s.requests, "p50 ms": s.p50Ms, "p99 ms": s.p99Ms, "max ms": s.maxMs, errors: s.errors });
  console.table({
    "idle: cached": row(idle.cached), "idle: uncached": row(idle.uncached), "idle: floor": row(idle.floor),
    "loaded: cached": row(loaded.cached), "loaded: uncached": row(loaded.uncached), "loaded: floor": row(loaded.floor),
  });
  console.log(`[bench] ingest during the run: ${ingestStats.spansPerSec} spans/s, request p50 ${ingestStats.p50Ms} ms, p99 ${ingestStats.p99Ms} ms, ${ingestStats.errors} errors`);
  console.log(`[bench] p99 vs floor: cached ${results.ratios.cachedVsFloorP99}, uncached ${results.ratios.uncachedVsFloorP99}`);
  const file = await writeResults(import.meta.dirname, results, SECONDS === 30 ? null : `${SECONDS}s`);
  console.log(`[bench] wrote ${file}; npm run bench:report renders it into docs/benchmarks.md`);
} finally {
  await server.stop();
  await db.close();
}
