/**
 * npm run bench:drift — (1) the drift score with its permutation p-value on 10k × 10k
 * vectors of dimension 384 (goal < 1 s), plus the deep check and the map; (2) the offline
 * embedder in the worker path: LLM spans in an embedded Postgres → computeMissingEmbeddings
 * (read spans, extract text, embed, write float32 bytea) in spans/s, and a full drift report
 * over them. Prints a table and writes bench/drift/results.json (bench/lib/results.ts);
 * BENCH_SPANS sets (2)'s size, and a size other than 20,000 writes results-<spans>.json.
 */
import { startBenchDatabase } from "../lib/database";
import { type DriftResults, type DriftScoreRun, machineFacts, runLabel, writeResults } from "../lib/results";
import { centroidDriftTest } from "../../lib/drift/math/centroid-test";
import { decideWindows, DEFAULT_THRESHOLDS } from "../../lib/drift/math/decide";
import { classifierTest } from "../../lib/drift/math/classifier-test";
import { mmdTest } from "../../lib/drift/math/mmd";
import { embedOffline } from "../../lib/drift/math/offline-embedder";
import { driftMap } from "../../lib/drift/math/projection";
import { gaussian, seededRng } from "../../lib/drift/math/rng";
import { sampleQuestions } from "../../lib/drift/math/sample-texts";
import { normalizeRows, type VectorSet } from "../../lib/drift/math/vector-set";

const N = 10_000;
const DIM = 384;
const DEFAULT_SPANS = 20_000;
const SPANS = Number(process.env.BENCH_SPANS ?? DEFAULT_SPANS);
const started = performance.now();
const log = (line: string) => console.log(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
const round = (ms: number) => +ms.toFixed(1);

function cloud(seed: number, n: number, shift: number): VectorSet {
  const rng = seededRng(seed);
  const data = new Float32Array(n * DIM);
  for (let i = 0; i < n; i++) for (let j = 0; j < DIM; j++) data[i * DIM + j] = (j < 8 ? 1 : 0) + (j === 8 ? shift : 0) + gaussian(rng);
  return normalizeRows({ data, n, dim: DIM });
}

function timeRuns<T>(fn: () => T, runs: number): { ms: number[]; last: T } {
  const ms: number[] = [];
  let last!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    last = fn();
    ms.push(performance.now() - t0);
  }
  return { ms: ms.sort((a, b) => a - b), last };
}

// (1) the statistic
log(`generating 2 × ${N} × ${DIM} vectors`);
const reference = cloud(1, N, 0);
const same = cloud(2, N, 0);
const shifted = cloud(3, N, 0.6);
const score: DriftScoreRun[] = [];
for (const [name, current] of [["no drift", same], ["drift", shifted]] as const) {
  for (const maxPerSide of [1000, 2000]) {
    const r = timeRuns(() => centroidDriftTest(reference, current, { permutations: 500, maxPerSide, seed: 1 }), 5);
    // What the product would decide for this pair as a single window: a small p-value alone is not a flag.
    const [decision] = decideWindows([r.last], DEFAULT_THRESHOLDS);
    score.push({ case: name, maxPerSide, permutations: 500, medianMs: round(r.ms[2]!), maxMs: round(r.ms[4]!), distance: +r.last.distance.toFixed(4), pValue: +r.last.pValue.toFixed(4),
      noise: +r.last.noise.toFixed(4), floor: +decision!.floor.toFixed(4), flagged: decision!.drifted });
    log(`centroid test, ${name}, ${maxPerSide}/side, B=500: median ${r.ms[2]!.toFixed(0)} ms (max ${r.ms[4]!.toFixed(0)}), d=${r.last.distance.toFixed(4)} p=${r.last.pValue.toFixed(4)}`);
  }
}
const mmd = timeRuns(() => mmdTest(reference, shifted, { maxPerSide: 500 }), 3);
log(`RBF-MMD deep check, 500/side, B=500: median ${mmd.ms[1]!.toFixed(0)} ms, p=${mmd.last.pValue.toFixed(4)}`);
const clf = timeRuns(() => classifierTest(reference, shifted), 3);
log(`classifier two-sample test, 1000/side: median ${clf.ms[1]!.toFixed(0)} ms, AUC ${clf.last.auc.toFixed(3)} [${clf.last.low.toFixed(3)}, ${clf.last.high.toFixed(3)}]`);
const map = timeRuns(() => driftMap(reference, shifted, { perSide: 250, k: 6 }), 3);
log(`PCA map + k-means clusters, 250/side: median ${map.ms[1]!.toFixed(0)} ms`);

// (1b) the embedder alone
const texts = sampleQuestions(seededRng(5), 20_000, 0.3);
const embed = timeRuns(() => texts.map((t) => embedOffline(t)), 2);
const embedPerSec = Math.round(texts.length / (embed.ms[0]! / 1000));
log(`offline embedder alone: ${embedPerSec.toLocaleString()} texts/s`);

// (2) the worker path against Postgres
const postgres = await startBenchDatabase("drift");
let worker: DriftResults["measurements"]["worker"] | undefined;
let postgresVersion: string | null = null;
try {
  const { sqlPool, closeSqlPool } = await import("../../lib/db-sql-pool");
  const { computeMissingEmbeddings } = await import("../../lib/embeddings/compute-embeddings");
  const { refreshProjectDrift } = await import("../../lib/drift/refresh-project-drift");
  const { db } = await import("../../lib/db");
  postgresVersion = (await sqlPool().query<{ v: string }>("select version() as v")).rows[0]?.v ?? null;
  const project = "bench-drift";
  const now = new Date();
  const rng = seededRng(9);
  const questions = sampleQuestions(rng, SPANS, 0);
  const shiftedQs = sampleQuestions(rng, SPANS, 0.8);
  const day = 86_400_000;
  const rows = Array.from({ length: SPANS }, (_, i) => {
    const t = new Date(now.getTime() - Math.floor((i / SPANS) * 8 * day) - 1000);
    const q = now.getTime() - t.getTime() < day ? shiftedQs[i]! : questions[i]!;
    return { id: `s${i}`, trace: `t${i}`, t, input: JSON.stringify([{ role: "system", content: "You are a support agent." }, { role: "user", content: q }]) };
  });
  for (let i = 0; i < rows.length; i += 5000) {
    const chunk = rows.slice(i, i + 5000);
    await sqlPool().query(
      `insert into spans (project_id, trace_id, id, kind, name, start_time, end_time, latency_ms, level, input)
       select $1, t.trace_id, t.id, 'llm', 'chat', t.at, t.at, 0, 'DEFAULT', t.input::jsonb from unnest($2::text[], $3::text[], $4::timestamptz[], $5::text[]) as t(trace_id, id, at, input)`,
      [project, chunk.map((r) => r.trace), chunk.map((r) => r.id), chunk.map((r) => r.t), chunk.map((r) => r.input)],
    );
  }
  log(`${SPANS.toLocaleString()} LLM spans over 8 days loaded`);
  const t0 = performance.now();
  const [embedded] = await computeMissingEmbeddings({ projectId: project, now });
  const embedMs = performance.now() - t0;
  log(`worker path (read spans → text → offline embed → write bytea): ${embedded!.embedded.toLocaleString()} spans in ${(embedMs / 1000).toFixed(1)} s = ${Math.round(embedded!.embedded / (embedMs / 1000)).toLocaleString()} spans/s`);
  const t1 = performance.now();
  const [reportId] = await refreshProjectDrift({ projectId: project, now, embed: false });
  const reportMs = performance.now() - t1;
  const report = await db.driftReport.findFirstOrThrow({ where: { projectId: project, id: reportId! } });
  const drifted = (report.windows as { drifted: boolean }[]).map((w) => (w.drifted ? 1 : 0));
  log(`drift report (7 daily windows of ~${Math.round(SPANS / 8).toLocaleString()} vectors, load + tests + map + deep check): ${(reportMs / 1000).toFixed(2)} s, drifted windows ${drifted.join("")}`);
  worker = { spans: SPANS, embedded: embedded!.embedded, embedSeconds: +(embedMs / 1000).toFixed(2), spansPerSecond: Math.round(embedded!.embedded / (embedMs / 1000)), reportSeconds: +(reportMs / 1000).toFixed(2), drifted };
  await db.$disconnect();
  await closeSqlPool();
} finally {
  await postgres.close();
}

if (!worker) throw new Error("the worker path did not run");
const results: DriftResults = {
  benchmark: "drift", format: 1, date: new Date().toISOString(), ...runLabel(),
  machine: machineFacts(postgresVersion),
  parameters: { vectorsPerSide: N, dim: DIM, workerSpans: SPANS, thresholds: DEFAULT_THRESHOLDS },
  measurements: {
    score,
    deepCheck: { mmdMedianMs: round(mmd.ms[1]!), classifierMedianMs: round(clf.ms[1]!), mapMedianMs: round(map.ms[1]!) },
    embedder: { textsPerSecond: embedPerSec },
    worker,
  },
  ratios: { workerVsEmbedderAlone: +(worker.spansPerSecond / embedPerSec).toFixed(3) },
};
const file = await writeResults(import.meta.dirname, results, SPANS === DEFAULT_SPANS ? null : String(SPANS));
console.table(score);
log(`wrote ${file}; npm run bench:report renders it into docs/benchmarks.md`);
