/**
 * npm run bench:ingest — end-to-end ingest throughput over HTTP (OTLP protobuf, batch JSON and
 * OTLP/JSON, batches of 100, 16 concurrent clients) for each trace shape of workload.ts, against
 * binary COPY of the same rows, measured in one run on this machine; then request latency at half
 * the maximum rate and freshness
 * (2xx → visible through the trace API). Prints a table and writes bench/ingest/results.json
 * (bench/lib/results.ts; BENCH_SPANS other than 60,000 writes results-<spans>.json instead). Last, the
 * write statement alone against the day-partitioned spans and an unpartitioned copy (statement-cost.ts),
 * and the in-process stage profile (profile.ts).
 */
import pg from "pg";
import { startBenchPharos } from "../lib/bench-server";
import { startBenchDatabase } from "../lib/database";
import { type IngestResults, machineFacts, postgresVersion, runLabel, writeResults } from "../lib/results";
import { copySpans } from "./copy-baseline";
import { percentile, runClosedLoop, runOpenLoop } from "./load";
import { measureInsertStatement } from "./statement-cost";
import { profileBatchJson, profileWorkload } from "./profile";
import { batchJsonBodies, makeSpans, otlpJsonBodies, otlpProtobufBodies, WORKLOADS, type Workload } from "./workload";

const DEFAULT_SPANS = 60_000;
const SPANS = Number(process.env.BENCH_SPANS ?? DEFAULT_SPANS);
const WARMUP_SPANS = 4_000;
const HALF_LOAD_SECONDS = 10;
const FRESHNESS_TRIES = 20;
const STATEMENT_BATCHES = 200;
const PROFILE_BATCHES = 60;
const BATCH = 100;
const CONCURRENCY = 16;
const SECRET = "sk-bench-0123456789abcdef0123";

const db = await startBenchDatabase("ingest");
const server = await startBenchPharos({ databaseUrl: db.url, publicKey: "pk-bench-0123456789", secretKey: SECRET });
const headers = { authorization: `Bearer ${SECRET}` };
const ingestUrl = `${server.baseUrl}/api/public/ingest`;
const otlpUrl = `${server.baseUrl}/api/public/otel/v1/traces`;
const jsonPost = (body: string) => ({ url: ingestUrl, init: { method: "POST", body, headers: { ...headers, "content-type": "application/json" } } });
const otlpPost = (body: Uint8Array) => ({ url: otlpUrl, init: { method: "POST", body: body as BodyInit, headers: { ...headers, "content-type": "application/x-protobuf" } } });
const otlpJsonPost = (body: string) => ({ url: otlpUrl, init: { method: "POST", body, headers: { ...headers, "content-type": "application/json" } } });
const spansOf = (workload: Workload) => makeSpans(SPANS, Date.now() - 3_600_000, workload);

try {
  console.log(`[bench] ${SPANS} spans per variant, batches of ${BATCH}, concurrency ${CONCURRENCY}`);
  await runClosedLoop(batchJsonBodies(makeSpans(WARMUP_SPANS), BATCH).map(jsonPost), CONCURRENCY); // warm-up: JIT, pools, route compile

  const rate = (ms: number) => (SPANS / ms) * 1000;

  // Each trace shape: OTLP protobuf, batch JSON and OTLP/JSON end to end, then binary COPY of the same rows, one after the other.
  const workloads = [];
  for (const workload of WORKLOADS) {
    const spans = spansOf(workload);
    const w = {
      otlpProtobuf: await runClosedLoop(otlpProtobufBodies(spans, BATCH).map(otlpPost), CONCURRENCY),
      batchJson: await runClosedLoop(batchJsonBodies(spansOf(workload), BATCH).map(jsonPost), CONCURRENCY),
      otlpJson: await runClosedLoop(otlpJsonBodies(spansOf(workload), BATCH).map(otlpJsonPost), CONCURRENCY),
      copyMs: await copySpans(db.url, `copy-${workload}`, spansOf(workload)),
    };
    const through = (r: { ms: number; latencies: number[]; errors: number }) => ({ spansPerSec: Math.round(rate(r.ms)), p50Ms: percentile(r.latencies, 50), p99Ms: percentile(r.latencies, 99), errors: r.errors });
    workloads.push({
      workload, otlpProtobuf: through(w.otlpProtobuf), batchJson: through(w.batchJson), otlpJson: through(w.otlpJson), binaryCopy: { spansPerSec: Math.round(rate(w.copyMs)) },
      vsCopy: { otlpProtobuf: +(w.copyMs / w.otlpProtobuf.ms).toFixed(3), batchJson: +(w.copyMs / w.batchJson.ms).toFixed(3), otlpJson: +(w.copyMs / w.otlpJson.ms).toFixed(3) },
    });
    console.log(`[bench] ${workload}: ${JSON.stringify(workloads.at(-1))}`);
  }
  // The headline (and its history) is the agent shape, the workload every earlier run measured.
  const agent = workloads.find((w) => w.workload === "agent")!;
  const best = Math.max(agent.otlpProtobuf.spansPerSec, agent.batchJson.spansPerSec);

  // Half load: an open-loop schedule at 50% of the best measured rate for HALF_LOAD_SECONDS.
  const halfRequestsPerSec = best / 2 / BATCH;
  const halfBodies = otlpProtobufBodies(makeSpans(Math.ceil(halfRequestsPerSec * HALF_LOAD_SECONDS) * BATCH), BATCH).map(otlpPost);
  const half = await runOpenLoop(halfBodies, halfRequestsPerSec);

  // Freshness: after a 2xx, how long until the trace API returns the trace.
  const fresh: number[] = [];
  for (let i = 0; i < FRESHNESS_TRIES; i++) {
    const spans = makeSpans(4, Date.now() - 1000);
    const res = await fetch(ingestUrl, jsonPost(batchJsonBodies(spans, BATCH)[0]!).init);
    const t0 = performance.now();
    if (res.status !== 207) throw new Error(`freshness ingest answered ${res.status}`);
    for (;;) {
      const got = await fetch(`${server.baseUrl}/api/public/traces/${spans[0]!.traceId}`, { headers });
      if (got.status === 200) break;
    }
    fresh.push(performance.now() - t0);
  }

  const check = new pg.Client({ connectionString: db.url });
  await check.connect();
  const stored = (await check.query("select count(*)::int as n from spans where project_id not like 'copy-%'")).rows[0].n;
  const postgres = await postgresVersion(check);
  await check.end();
  // Last: it writes rows of its own (project statement-bench) that the count above must not see.
  const statement = await measureInsertStatement(db.url, { batches: STATEMENT_BATCHES, batch: BATCH });
  // In-process, on the same database: µs per span by stage, and Postgres alone with the prepared rows.
  const profile = [];
  for (const workload of WORKLOADS) {
    const p = await profileWorkload(db.url, workload, { batches: PROFILE_BATCHES, batch: BATCH, tag: "bench" });
    profile.push({ ...p, batchJson: profileBatchJson(workload, { batches: PROFILE_BATCHES, batch: BATCH }) });
    console.log(`[bench] profile ${workload}: ${JSON.stringify(profile.at(-1))}`);
  }

  const measured = {
    otlpProtobuf: agent.otlpProtobuf,
    batchJson: agent.batchJson,
    binaryCopy: agent.binaryCopy,
    halfLoad: { targetSpansPerSec: Math.round(best / 2), achievedRequests: half.latencies.length, p50Ms: percentile(half.latencies, 50), p99Ms: percentile(half.latencies, 99), errors: half.errors },
    freshnessMs: { p50: percentile(fresh, 50), max: Math.max(...fresh) },
    storedSpans: stored,
    insertStatement: statement,
    workloads,
    profile,
  };
  const results: IngestResults = {
    benchmark: "ingest", format: 1, date: new Date().toISOString(), ...runLabel(),
    machine: machineFacts(postgres),
    parameters: { spansPerVariant: SPANS, batch: BATCH, concurrency: CONCURRENCY, warmupSpans: WARMUP_SPANS, halfLoadSeconds: HALF_LOAD_SECONDS, freshnessTries: FRESHNESS_TRIES },
    measurements: measured,
    ratios: { otlpProtobufVsCopy: agent.vsCopy.otlpProtobuf, batchJsonVsCopy: agent.vsCopy.batchJson, insertStatementPartitionedVsUnpartitionedP50: statement.p50Ratio },
  };
  console.table({
    "OTLP protobuf": { "spans/s": measured.otlpProtobuf.spansPerSec, "vs COPY": results.ratios.otlpProtobufVsCopy, "p50 ms": measured.otlpProtobuf.p50Ms, "p99 ms": measured.otlpProtobuf.p99Ms },
    "batch JSON": { "spans/s": measured.batchJson.spansPerSec, "vs COPY": results.ratios.batchJsonVsCopy, "p50 ms": measured.batchJson.p50Ms, "p99 ms": measured.batchJson.p99Ms },
    "binary COPY": { "spans/s": measured.binaryCopy.spansPerSec, "vs COPY": 1, "p50 ms": null, "p99 ms": null },
    "half load (OTLP)": { "spans/s": measured.halfLoad.targetSpansPerSec, "vs COPY": null, "p50 ms": measured.halfLoad.p50Ms, "p99 ms": measured.halfLoad.p99Ms },
  });
  console.log(`[bench] freshness (2xx → visible): p50 ${measured.freshnessMs.p50} ms, max ${measured.freshnessMs.max.toFixed(1)} ms; stored spans ${stored}`);
  console.log(`[bench] write statement, ${statement.batches} batches of ${statement.batch} each, alternating: partitioned spans p50 ${statement.partitioned.p50Ms} ms (p90 ${statement.partitioned.p90Ms}), ` +
    `unpartitioned p50 ${statement.unpartitioned.p50Ms} ms (p90 ${statement.unpartitioned.p90Ms}): ${statement.p50Ratio}×`);
  const file = await writeResults(import.meta.dirname, results, SPANS === DEFAULT_SPANS ? null : String(SPANS));
  console.log(`[bench] wrote ${file}; npm run bench:report renders it into docs/benchmarks.md`);
} finally {
  await server.stop();
  await db.close();
}
