/**
 * npm run bench:ingest — end-to-end ingest throughput over HTTP (OTLP protobuf and batch JSON,
 * batches of 100, 16 concurrent clients) against binary COPY of the same rows, measured in
 * one run on this machine; then request latency at half the maximum rate and freshness
 * (2xx → visible through the trace API). Prints a table and writes bench/ingest/results.json
 * (bench/lib/results.ts; BENCH_SPANS other than 60,000 writes results-<spans>.json instead). Last, the
 * write statement alone against the day-partitioned spans and an unpartitioned copy (statement-cost.ts).
 */
import pg from "pg";
import { startBenchPharos } from "../lib/bench-server";
import { startBenchDatabase } from "../lib/database";
import { type IngestResults, machineFacts, postgresVersion, runLabel, writeResults } from "../lib/results";
import { copySpans } from "./copy-baseline";
import { percentile, runClosedLoop, runOpenLoop } from "./load";
import { measureInsertStatement } from "./statement-cost";
import { batchJsonBodies, makeSpans, otlpProtobufBodies } from "./workload";

const DEFAULT_SPANS = 60_000;
const SPANS = Number(process.env.BENCH_SPANS ?? DEFAULT_SPANS);
const WARMUP_SPANS = 4_000;
const HALF_LOAD_SECONDS = 10;
const FRESHNESS_TRIES = 20;
const STATEMENT_BATCHES = 200;
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

try {
  console.log(`[bench] ${SPANS} spans per variant, batches of ${BATCH}, concurrency ${CONCURRENCY}`);
  await runClosedLoop(batchJsonBodies(makeSpans(WARMUP_SPANS), BATCH).map(jsonPost), CONCURRENCY); // warm-up: JIT, pools, route compile

  const otlp = await runClosedLoop(otlpProtobufBodies(makeSpans(SPANS), BATCH).map(otlpPost), CONCURRENCY);
  const json = await runClosedLoop(batchJsonBodies(makeSpans(SPANS), BATCH).map(jsonPost), CONCURRENCY);
  const copyMs = await copySpans(db.url, "copy-baseline", makeSpans(SPANS));
  const rate = (ms: number) => (SPANS / ms) * 1000;
  const best = Math.max(rate(otlp.ms), rate(json.ms));

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
  const stored = (await check.query("select count(*)::int as n from spans where project_id <> 'copy-baseline'")).rows[0].n;
  const postgres = await postgresVersion(check);
  await check.end();
  // Last: it writes rows of its own (project statement-bench) that the count above must not see.
  const statement = await measureInsertStatement(db.url, { batches: STATEMENT_BATCHES, batch: BATCH });

  const measured = {
    otlpProtobuf: { spansPerSec: Math.round(rate(otlp.ms)), p50Ms: percentile(otlp.latencies, 50), p99Ms: percentile(otlp.latencies, 99), errors: otlp.errors },
    batchJson: { spansPerSec: Math.round(rate(json.ms)), p50Ms: percentile(json.latencies, 50), p99Ms: percentile(json.latencies, 99), errors: json.errors },
    binaryCopy: { spansPerSec: Math.round(rate(copyMs)) },
    halfLoad: { targetSpansPerSec: Math.round(best / 2), achievedRequests: half.latencies.length, p50Ms: percentile(half.latencies, 50), p99Ms: percentile(half.latencies, 99), errors: half.errors },
    freshnessMs: { p50: percentile(fresh, 50), max: Math.max(...fresh) },
    storedSpans: stored,
    insertStatement: statement,
  };
  const results: IngestResults = {
    benchmark: "ingest", format: 1, date: new Date().toISOString(), ...runLabel(),
    machine: machineFacts(postgres),
    parameters: { spansPerVariant: SPANS, batch: BATCH, concurrency: CONCURRENCY, warmupSpans: WARMUP_SPANS, halfLoadSeconds: HALF_LOAD_SECONDS, freshnessTries: FRESHNESS_TRIES },
    measurements: measured,
    ratios: { otlpProtobufVsCopy: +(rate(otlp.ms) / rate(copyMs)).toFixed(3), batchJsonVsCopy: +(rate(json.ms) / rate(copyMs)).toFixed(3), insertStatementPartitionedVsUnpartitionedP50: statement.p50Ratio },
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
