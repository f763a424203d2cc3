/**
 * npm run bench:rag — does online RAG evaluation slow ingest? RAG traces (a retriever returning
 * five ~250-character documents, then the answering generation; 25 traces per request, 8
 * closed-loop clients) are ingested through the public API in alternating phases:
 * "off" with the project's online faithfulness rule disabled, "on" with it enabled at 10 % and
 * the online evaluation worker (bench/rag/evaluate-loop.ts, the worker's own pass in its own
 * process) evaluating continuously against the fake OpenAI-compatible provider answering every
 * call after 200 ms. 10-second phases in the order off, on, on, off four times, so drift over
 * the run weighs on both modes alike. Reports traces/s
 * on and off, their ratio (goal ≥ 0.95) and what the evaluator did meanwhile. Writes
 * bench/rag/results.json.
 */
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startFakeLlm } from "../../tests/support/fake-llm";
import { fakeRagJudge, RAG_TASK } from "../../tests/support/fake-rag-judge";
import { ragTraceEvents } from "../../tests/support/rag-traces";
import { percentile } from "../ingest/load";
import { startBenchPharos } from "../lib/bench-server";
import { startBenchDatabase } from "../lib/database";
import { cpuDelta, startCpuSampler } from "./process-cpu";
import { machineFacts, postgresVersion, type RagBenchPhase, type RagBenchResults, runLabel, writeResults } from "../lib/results";

const PHASE_SECONDS = Number(process.env.BENCH_PHASE_SECONDS ?? 10);
const CLIENTS = 8;
const TRACES_PER_REQUEST = 25;
const LATENCY_MS = 200;
const SAMPLE_RATE = 10;
/** ABBA four times: a drift over the run (tables growing, a busy neighbour) weighs on both modes alike. */
const ORDER = Array.from({ length: 4 }, () => ["off", "on", "on", "off"] as const).flat();
const SECRET = "sk-bench-rag-0123456789abcdef";
const MODEL = "gpt-4o-mini";
const ROOT = path.resolve(import.meta.dirname, "../..");
/** npm start's default worker priority (PHAROS_WORKER_NICE=0): the benchmark measures Pharos as it ships; set the variable to try another. */
const EVALUATOR_NICE = Number(process.env.PHAROS_WORKER_NICE ?? 0);
/** The evaluator's Postgres connections carry this name, so their backends' CPU can be told apart. */
const EVALUATOR_APP_NAME = "pharos-bench-evaluator";

const DOCS = [
  "Refunds are issued to the original payment method within 5 business days after we receive the returned item. Orders paid with a gift card are refunded to the gift card. Shipping fees are not refunded unless the item arrived damaged.",
  "Standard shipping is free on orders over $50; below that a flat $4.99 applies. Express shipping costs $12 and arrives within 2 business days in the mainland. Remote areas add one to two days.",
  "You can change the delivery address from the order page until the order ships. After it ships, contact the carrier with the tracking number to redirect the parcel; redirection may cost extra.",
  "환불은 반품 상품이 도착한 뒤 영업일 기준 5일 이내에 원래 결제 수단으로 처리됩니다. 기프트카드로 결제한 주문은 기프트카드로 환불되며, 상품이 파손되어 도착한 경우가 아니면 배송비는 환불되지 않습니다.",
  "5만 원 이상 주문은 무료 배송이며, 그보다 적으면 3,000원의 배송비가 붙습니다. 특급 배송은 2영업일 안에 도착하고 제주와 도서산간은 하루에서 이틀이 더 걸립니다.",
];
const ANSWERS = [
  "Refunds are issued to the original payment method within 5 business days after we receive the returned item. Shipping fees are refunded too.",
  "환불은 영업일 기준 5일 이내에 원래 결제 수단으로 처리됩니다. 쿠폰도 함께 드립니다.",
];

/** BENCH_PG_STAT_STATEMENTS=1: load pg_stat_statements and print the statements that took the most time. */
const STATEMENTS = process.env.BENCH_PG_STAT_STATEMENTS === "1";
const db = await startBenchDatabase("rag", STATEMENTS ? { postgresFlags: ["-c", "shared_preload_libraries=pg_stat_statements", "-c", "pg_stat_statements.track=top"] } : {});
const llm = await startFakeLlm({ models: [MODEL], delayMs: LATENCY_MS });
llm.script({ when: { contains: RAG_TASK }, reply: fakeRagJudge() });
const server = await startBenchPharos({ databaseUrl: db.url, publicKey: "pk-bench-rag-0123456789", secretKey: SECRET, env: { PHAROS_OUTBOUND_ALLOWED_HOSTS: "127.0.0.1" } });
const headers = { authorization: `Bearer ${SECRET}`, "content-type": "application/json" };
// The worker opens the connection's sealed key with the server's secret, as npm start's worker does.
const { nextauthSecret } = JSON.parse(await readFile(path.join(server.dataDir, "secrets.json"), "utf8")) as { nextauthSecret: string };

async function api<T>(method: string, p: string, body?: unknown): Promise<T> {
  const res = await fetch(`${server.baseUrl}${p}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${p} → ${res.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

let serial = 0;
function batchBody(): string {
  const events = Array.from({ length: TRACES_PER_REQUEST }, () => {
    const i = serial++;
    const documents = Array.from({ length: 5 }, (_, k) => ({ id: `kb-${(i + k) % DOCS.length}`, content: DOCS[(i + k) % DOCS.length]!, score: Math.round((0.9 - k * 0.08) * 1000) / 1000 }));
    return ragTraceEvents({ question: i % 2 ? "환불은 얼마나 걸리나요?" : "How long do refunds take?", answer: ANSWERS[i % 2]!, documents, start: new Date(Date.now() - 5_000) }).events;
  }).flat();
  return JSON.stringify({ batch: events });
}

/** CLIENTS closed-loop clients for `seconds`: each sends the next batch as soon as the last is acknowledged. */
async function ingestFor(seconds: number) {
  const deadline = performance.now() + seconds * 1000;
  const latencies: number[] = [];
  let traces = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, async () => {
    while (performance.now() < deadline) {
      const body = batchBody();
      const t0 = performance.now();
      try {
        const res = await fetch(`${server.baseUrl}/api/public/ingest`, { method: "POST", headers, body });
        const json = (await res.json()) as { results?: { status: number }[] };
        if (res.status === 207 && json.results?.every((r) => r.status === 201)) traces += TRACES_PER_REQUEST;
        else errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - t0);
    }
  }));
  const elapsed = (performance.now() - started) / 1000;
  return { seconds: +elapsed.toFixed(2), traces, tracesPerSec: +(traces / elapsed).toFixed(1), requests: latencies.length, errors, p50Ms: percentile(latencies, 50), p95Ms: percentile(latencies, 95) };
}

function startEvaluator(projectId: string) {
  // BENCH_EVALUATOR_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof": flags Node refuses in NODE_OPTIONS.
  const nodeArgs = process.env.BENCH_EVALUATOR_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const args = [...nodeArgs, "--import", "tsx", "--conditions=react-server", "bench/rag/evaluate-loop.ts"];
  // BENCH_EVALUATOR_SCHED=batch: the evaluator under SCHED_BATCH (chrt -b 0), which never preempts on wake-up.
  const batch = process.env.BENCH_EVALUATOR_SCHED === "batch";
  const child = spawn(batch ? "chrt" : process.execPath, batch ? ["-b", "0", process.execPath, ...args] : args, {
    cwd: ROOT, env: { ...process.env, DATABASE_URL: db.url, BENCH_PROJECT_ID: projectId, PHAROS_OUTBOUND_ALLOWED_HOSTS: "127.0.0.1", NEXTAUTH_SECRET: nextauthSecret, PGAPPNAME: EVALUATOR_APP_NAME }, stdio: ["ignore", "pipe", "inherit"],
  });
  // As npm start does with PHAROS_WORKER_NICE (default 0, as here).
  if (EVALUATOR_NICE !== 0) os.setPriority(child.pid!, EVALUATOR_NICE);
  type Totals = { passes: number; evaluated: number; scored: number; errors: number; cpuMs: number };
  let latest: Totals = { passes: 0, evaluated: 0, scored: 0, errors: 0, cpuMs: 0 };
  let buffered = "";
  let ready: () => void = () => undefined;
  const started = new Promise<void>((resolve, reject) => {
    ready = resolve;
    child.on("exit", (code) => reject(new Error(`the evaluator exited (${code}) before its first pass`)));
  });
  child.stdout!.on("data", (d: Buffer) => {
    buffered += d.toString();
    const lines = buffered.split("\n");
    buffered = lines.pop()!;
    for (const line of lines) if (line.startsWith("{")) latest = JSON.parse(line) as Totals;
    ready();
  });
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  return {
    pid: child.pid!,
    started,
    /** Running totals as of its last pass. */
    totals: () => latest,
    async stop() {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

try {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const postgres = await postgresVersion(client);
  if (STATEMENTS) await client.query("create extension if not exists pg_stat_statements");
  const { project } = await api<{ project: { id: string } }>("GET", "/api/public/projects");
  await api("PUT", "/api/public/llm-connections/bench", { baseUrl: llm.url, apiKey: "sk-fake-bench", models: [MODEL] });
  const rule = { sampleRate: SAMPLE_RATE, evaluator: { type: "faithfulness" }, connection: "bench", model: MODEL, filter: { environment: "production" } };
  await api("PUT", "/api/public/online-evaluations/rag-faithfulness", { ...rule, enabled: false });
  const evaluator = startEvaluator(project.id);
  await evaluator.started;
  const cpu = startCpuSampler({ client, serverPid: server.child.pid!, evaluatorPid: evaluator.pid, evaluatorAppName: EVALUATOR_APP_NAME });
  await cpu.ready;
  console.log("[bench] warm-up: 5 s of ingest");
  await ingestFor(5);

  const phases: RagBenchPhase[] = [];
  for (const [i, mode] of ORDER.entries()) {
    if (mode === "on") await api("PUT", "/api/public/online-evaluations/rag-faithfulness", { ...rule, enabled: true });
    const callsBefore = llm.chatRequests().length;
    const before = evaluator.totals();
    const cpuBefore = await cpu.totals();
    console.log(`[bench] phase ${i + 1}: evaluation ${mode}, ${PHASE_SECONDS} s`);
    const ingest = await ingestFor(PHASE_SECONDS);
    const after = evaluator.totals();
    const cpuMs = cpuDelta(await cpu.totals(), cpuBefore);
    const judgeCalls = llm.chatRequests().length - callsBefore;
    if (mode === "on") await api("PUT", "/api/public/online-evaluations/rag-faithfulness", { ...rule, enabled: false });
    phases.push({
      mode, ...ingest, judgeCalls, evaluated: after.evaluated - before.evaluated, scored: after.scored - before.scored, evaluatorErrors: after.errors - before.errors,
      evaluatorPasses: after.passes - before.passes, evaluatorCpuMs: after.cpuMs - before.cpuMs, cpuMs,
    });
  }
  await cpu.stop();
  await evaluator.stop();
  if (STATEMENTS) {
    const top = await client.query<{ ms: number; calls: string; query: string }>(
      `select round(total_exec_time)::int as ms, calls, round(mean_exec_time::numeric, 2)::float8 as mean, left(regexp_replace(query, '\\s+', ' ', 'g'), 120) as query from pg_stat_statements order by total_exec_time desc limit 25`);
    console.table(top.rows);
  }
  const scores = Number((await client.query(`select count(*) from scores where project_id = $1 and source = 'eval'`, [project.id])).rows[0].count);
  const ragTraces = Number((await client.query(`select count(*) from traces where project_id = $1`, [project.id])).rows[0].count);
  await client.end();
  const sum = (mode: "on" | "off", f: (p: RagBenchPhase) => number) => phases.filter((p) => p.mode === mode).reduce((n, p) => n + f(p), 0);
  const rate = (mode: "on" | "off") => sum(mode, (p) => p.traces) / sum(mode, (p) => p.seconds);
  const results: RagBenchResults = {
    benchmark: "rag", format: 1, date: new Date().toISOString(), ...runLabel(),
    machine: machineFacts(postgres),
    parameters: { workerNice: EVALUATOR_NICE, phaseSeconds: PHASE_SECONDS, order: [...ORDER], clients: CLIENTS, tracesPerRequest: TRACES_PER_REQUEST, documentsPerTrace: 5, latencyMs: LATENCY_MS, sampleRate: SAMPLE_RATE, evaluator: "faithfulness" },
    measurements: { phases, evalScores: scores, traces: ragTraces },
    ratios: { onVsOffThroughput: +(rate("on") / rate("off")).toFixed(3), onTracesPerSec: +rate("on").toFixed(1), offTracesPerSec: +rate("off").toFixed(1) },
  };
  console.table(Object.fromEntries(phases.map((p, i) => [`${i + 1} ${p.mode}`, { "traces/s": p.tracesPerSec, traces: p.traces, errors: p.errors, "p95 ms": p.p95Ms, evaluated: p.evaluated, scored: p.scored, "judge calls": p.judgeCalls, "evaluator CPU ms": p.evaluatorCpuMs }])));
  console.table(Object.fromEntries(phases.map((p, i) => [`${i + 1} ${p.mode}`, { ...p.cpuMs, "ms per 1k traces (all)": Math.round(Object.values(p.cpuMs!).reduce((a, b) => a + b, 0) / (p.traces / 1000)) }])));
  console.log(`[bench] ingest with online faithfulness on ÷ off: ${results.ratios.onVsOffThroughput} (${results.ratios.onTracesPerSec} vs ${results.ratios.offTracesPerSec} traces/s); eval scores written ${scores}`);
  // BENCH_TRIAL=<name> (or another phase length): results-<name>.json, leaving the recorded run alone.
  const file = await writeResults(import.meta.dirname, results, process.env.BENCH_TRIAL ?? (PHASE_SECONDS === 10 ? null : `${PHASE_SECONDS}s`));
  console.log(`[bench] wrote ${file}; npm run bench:report renders it into docs/benchmarks.md`);
} finally {
  await server.stop();
  await llm.close();
  await db.close();
}
