/**
 * npm run bench:guard — POST /api/public/guard latency over HTTP for ~2 KB texts, 32 concurrent
 * callers, beside the floor: the same callers on GET /api/public/projects (key auth, cached, plus
 * one primary-key read — the cheapest authenticated endpoint). Each caller alternates the two, so
 * both see the same load. First with nothing else running (alone), then while the ingest
 * benchmark's load (batch JSON, batches of 100, 16 clients, closed loop) runs at full speed. Also
 * the detectors alone, in this process, on the same texts (the policy the server applies: the
 * built-in default). Writes bench/guard/results.json.
 */
import pg from "pg";
import { systemPromptGrams } from "../../lib/detectors/system-prompt-leak";
import { guardText } from "../../lib/guard/apply-policy";
import { compilePolicy, SYSTEM_PROMPT_NGRAM } from "../../lib/guard/compile-policy";
import { DEFAULT_PII_SETTINGS } from "../../lib/pii/settings";
import { guardPolicyConfig } from "../../lib/schemas/guard";
import { percentile, startIngestLoad } from "../ingest/load";
import { startBenchPharos } from "../lib/bench-server";
import { startBenchDatabase } from "../lib/database";
import { type GuardResults, type LatencyStats, machineFacts, postgresVersion, runLabel, writeResults } from "../lib/results";
import { guardTexts } from "./texts";

const CALLERS = 32;
/** One caller alone first: the service time of each path without queueing behind the other 31. */
const SINGLE_SECONDS = 5;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const ALONE_SECONDS = 10;
const WARMUP_SECONDS = 3;
const INGEST_CLIENTS = 16;
const BATCH = 100;
const TEXT_BYTES = 2048;
const TEXTS = 400;
const DETECTOR_RUNS = 20_000;
const SECRET = "sk-bench-guard-0123456789abcdef";

const texts = guardTexts(TEXTS, TEXT_BYTES);
const bodies = texts.map((text, i) => JSON.stringify({ text, direction: i % 3 === 2 ? "output" : "input" }));

/** The detectors alone: the built-in policy on the same texts and sides, no HTTP, no JSON, no auth. */
function detectorsAlone(): LatencyStats {
  const policy = compilePolicy("default", guardPolicyConfig.parse({}), DEFAULT_PII_SETTINGS, (t) => systemPromptGrams(t, SYSTEM_PROMPT_NGRAM));
  const run = (i: number) => {
    const side = policy[i % 3 === 2 ? "output" : "input"];
    return guardText(texts[i % texts.length]!, { side, systemPrompts: [], minOverlap: 0.35 });
  };
  for (let i = 0; i < 2_000; i++) run(i); // warm-up: JIT
  const samples: number[] = [];
  for (let i = 0; i < DETECTOR_RUNS; i++) {
    const t0 = performance.now();
    run(i);
    samples.push(performance.now() - t0);
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => +sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!.toFixed(3);
  return { requests: samples.length, p50Ms: at(50), p99Ms: at(99), maxMs: +sorted[sorted.length - 1]!.toFixed(3), errors: 0 };
}

const db = await startBenchDatabase("guard");
const server = await startBenchPharos({
  databaseUrl: db.url, publicKey: "pk-bench-guard-0123456789", secretKey: SECRET,
  env: { PHAROS_GUARD_RATE_LIMIT_PER_MINUTE: "1000000000" },
});
const auth = { authorization: `Bearer ${SECRET}` };

type Path = "guard" | "floor";

/** `callers` callers (32), each alternating a guard call and a floor call, for `seconds`; latencies kept after `warmup`. */
async function callPhase(seconds: number, warmup: number, callers = CALLERS) {
  const samples: Record<Path, number[]> = { guard: [], floor: [] };
  const errors: Record<Path, number> = { guard: 0, floor: 0 };
  const verdicts = { allow: 0, mask: 0, block: 0 };
  const t0 = performance.now();
  const keepFrom = t0 + warmup * 1000;
  const end = keepFrom + seconds * 1000;
  let n = 0;
  await Promise.all(Array.from({ length: callers }, async (_, caller) => {
    for (let i = caller; performance.now() < end; i++) {
      const path: Path = i % 2 ? "floor" : "guard";
      const started = performance.now();
      let ok = false;
      try {
        const res = path === "guard"
          ? await fetch(`${server.baseUrl}/api/public/guard`, { method: "POST", body: bodies[n++ % bodies.length], headers: { ...auth, "content-type": "application/json" } })
          : await fetch(`${server.baseUrl}/api/public/projects`, { headers: auth });
        const text = await res.text();
        ok = res.status === 200;
        if (ok && path === "guard" && started >= keepFrom) verdicts[(JSON.parse(text) as { verdict: keyof typeof verdicts }).verdict]++;
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
  return { guard: stats("guard"), floor: stats("floor"), verdicts };
}

/** The ingest benchmark's load, closed loop, until `stop()`: fresh spans for every request. */
const startIngest = () => startIngestLoad({ baseUrl: server.baseUrl, headers: auth, clients: INGEST_CLIENTS, batch: BATCH });

try {
  const check = new pg.Client({ connectionString: db.url });
  await check.connect();
  const postgres = await postgresVersion(check);

  console.log(`[bench] detectors alone, in process: ${DETECTOR_RUNS} texts of ${TEXT_BYTES} bytes`);
  const detectors = detectorsAlone();
  console.log(`[bench] one caller for ${SINGLE_SECONDS} s (after ${WARMUP_SECONDS} s warm-up)`);
  const single = await callPhase(SINGLE_SECONDS, WARMUP_SECONDS, 1);
  console.log(`[bench] alone: ${CALLERS} callers for ${ALONE_SECONDS} s (after ${WARMUP_SECONDS} s warm-up)`);
  const alone = await callPhase(ALONE_SECONDS, WARMUP_SECONDS);
  console.log(`[bench] under ingest load: ${INGEST_CLIENTS} ingest clients + ${CALLERS} callers, ${WARMUP_SECONDS} s warm-up + ${SECONDS} s`);
  const ingest = startIngest();
  const loadedPromise = callPhase(SECONDS, WARMUP_SECONDS);
  setTimeout(() => ingest.reset(), WARMUP_SECONDS * 1000);
  const loaded = await loadedPromise;
  const ingestStats = await ingest.stop();
  // The guardrail spans are written off the request path: give the last ones a moment, then count.
  await new Promise((r) => setTimeout(r, 1_000));
  const guardSpans = (await check.query("select count(*)::int as n from spans where kind = 'guardrail'")).rows[0].n as number;
  await check.end();

  const r = (x: number, y: number) => +(x / y).toFixed(2);
  const results: GuardResults = {
    benchmark: "guard", format: 1, date: new Date().toISOString(), ...runLabel(),
    machine: machineFacts(postgres),
    parameters: { callers: CALLERS, singleSeconds: SINGLE_SECONDS, seconds: SECONDS, aloneSeconds: ALONE_SECONDS, warmupSeconds: WARMUP_SECONDS, ingestClients: INGEST_CLIENTS, batch: BATCH, textBytes: TEXT_BYTES, texts: TEXTS, detectorRuns: DETECTOR_RUNS },
    measurements: { detectors, single, alone, loaded, ingest: ingestStats, guardSpans },
    ratios: {
      aloneGuardVsFloorP99: r(alone.guard.p99Ms, alone.floor.p99Ms),
      loadedGuardVsFloorP99: r(loaded.guard.p99Ms, loaded.floor.p99Ms),
      aloneGuardVsFloorP50: r(alone.guard.p50Ms, alone.floor.p50Ms),
      loadedGuardVsFloorP50: r(loaded.guard.p50Ms, loaded.floor.p50Ms),
    },
  };
  const row = (s: LatencyStats) => ({ requests: s.requests, "p50 ms": s.p50Ms, "p99 ms": s.p99Ms, "max ms": s.maxMs, errors: s.errors });
  console.table({
    "detectors alone (in process)": row(detectors),
    "one caller: guard": row(single.guard), "one caller: floor": row(single.floor),
    "alone: guard": row(alone.guard), "alone: floor": row(alone.floor),
    "ingest load: guard": row(loaded.guard), "ingest load: floor": row(loaded.floor),
  });
  console.log(`[bench] verdicts (alone): ${JSON.stringify(alone.verdicts)}; guardrail spans stored: ${guardSpans}`);
  console.log(`[bench] ingest during the loaded run: ${ingestStats.spansPerSec} spans/s, p50 ${ingestStats.p50Ms} ms, p99 ${ingestStats.p99Ms} ms, ${ingestStats.errors} errors`);
  console.log(`[bench] guard p99 / floor p99: alone ${results.ratios.aloneGuardVsFloorP99}, under ingest ${results.ratios.loadedGuardVsFloorP99}`);
  const file = await writeResults(import.meta.dirname, results, SECONDS === 20 ? null : `${SECONDS}s`);
  console.log(`[bench] wrote ${file}; npm run bench:report renders it into docs/benchmarks.md`);
} finally {
  await server.stop();
  await db.close();
}
