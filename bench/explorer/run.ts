/**
 * npm run bench:explorer — the trace explorer over a week of 10M spans: p50/p95 of the
 * first page of the trace list (as the explorer requests it: last 7 days, 50 rows) with no
 * filter, with filters, with search terms, filter + search, and of trace detail (getTrace)
 * for a 50-span trace. Prints a table, each plan's shape, and writes bench/explorer/results.json
 * (bench/lib/results.ts; a trial at another size writes results-<spans>.json).
 * BENCH_SPANS lowers the span count (e.g. BENCH_SPANS=300000 for a quick check); BENCH_RUNS the runs.
 */
import pg from "pg";
import { listSessions } from "../../lib/sessions/list-sessions";
import { listSessionsQuery } from "../../lib/sessions/schemas";
import { listTracesQuery } from "../../lib/schemas/traces";
import { getTrace } from "../../lib/traces/get-trace";
import { listTraceSummaries } from "../../lib/traces/list-trace-summaries";
import { traceListSql } from "../../lib/traces/trace-page";
import { startBenchDatabase } from "../lib/database";
import { type ExplorerResults, type ExplorerScenario, machineFacts, postgresVersion, runLabel, writeResults } from "../lib/results";
import { benchLogger, pct, round, timeRuns } from "../lib/timing";
import { insertDetailTraceSql, insertFeedbackSql, insertSpansSql, insertTracesSql } from "./dataset";
import { applyRetention } from "../../lib/retention/apply-retention";
import { partitionName, retentionBoundary } from "../../lib/retention/days";
import { CHUNK, deleteExpiredTraces, inChunks } from "../../lib/retention/delete-expired-traces";
import { ensureSpanPartitions } from "../../lib/retention/span-partitions";

const DEFAULT_SPANS = 10_000_000;
const SPANS = Number(process.env.BENCH_SPANS ?? DEFAULT_SPANS);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARMUPS = 3;
const DAYS = 7;
const SPANS_PER_TRACE = 3.44; // mean of the generator's 3–5 spans per trace
const PROJECT = "bench-explorer";
const DETAIL_TRACE = "bench-detail-trace-50-spans";

const log = benchLogger();
const seconds = (t0: number) => +((performance.now() - t0) / 1000).toFixed(1);
const time = (fn: () => Promise<unknown>) => timeRuns(fn, RUNS, WARMUPS);

const end = Math.floor(Date.now() / 60_000) * 60_000;
const week = { from: new Date(end - DAYS * 86_400_000).toISOString() };
/** As the explorer sends them: the 7-day preset resolved to an absolute `from`, 50 rows. */
const scenarios: { name: string; query: Record<string, string> }[] = [
  { name: "no filter", query: { ...week } },
  { name: "filter env=staging", query: { ...week, environment: "staging" } },
  { name: "filter status=error", query: { ...week, status: "error" } },
  { name: "filter feedback=down", query: { ...week, feedback: "down" } },
  { name: "filter model+user (rare)", query: { ...week, model: "gemini-2.0-flash", userId: "user-7" } },
  { name: "search 'refund' (common)", query: { ...week, q: "refund" } },
  { name: "search '환불은 보통' (Korean)", query: { ...week, q: "환불은 보통" } },
  { name: "search 'A-100777' (rare)", query: { ...week, q: "A-100777" } },
  { name: "search '환불' (2 chars)", query: { ...week, q: "환불" } },
  { name: "filter+search staging '배송지 주소'", query: { ...week, environment: "staging", q: "배송지 주소" } },
  { name: "filter+search error 'card declined'", query: { ...week, status: "error", q: "card declined" } },
  { name: "sort latency, 24 h", query: { from: new Date(end - 86_400_000).toISOString(), sort: "latency" } },
  { name: "sort latency, 7 d", query: { ...week, sort: "latency" } },
  { name: "sort cost, 7 d", query: { ...week, sort: "cost" } },
  { name: "sort tokens ascending, 7 d", query: { ...week, sort: "tokens", order: "asc" } },
  { name: "sort latency + env=staging, 24 h", query: { from: new Date(end - 86_400_000).toISOString(), sort: "latency", environment: "staging" } },
];

/**
 * Table and index definitions of `table` except the primary key, to drop before the load and rebuild
 * after. A partitioned table's index reads "ON ONLY" (the parent alone): rebuilt without it, so
 * every partition gets its index again.
 */
async function secondaryIndexes(client: pg.Client, table: string) {
  const { rows } = await client.query<{ name: string; def: string }>(
    `select indexname as name, indexdef as def from pg_indexes where schemaname = 'public' and tablename = $1 and indexname not like '%_pkey'`, [table]);
  return rows.map((r) => ({ ...r, def: r.def.replace(" ON ONLY ", " ON ") }));
}

const postgres = await startBenchDatabase("explorer");
try {
  const client = new pg.Client({ connectionString: postgres.url });
  await client.connect();
  try {
    const traceCount = Math.max(1, Math.round(SPANS / SPANS_PER_TRACE));
    log(`~${SPANS.toLocaleString("en")} spans (${traceCount.toLocaleString("en")} traces) over ${DAYS} days ending ${new Date(end).toISOString()}`);
    await client.query("set maintenance_work_mem = '1GB'");
    await client.query("set work_mem = '256MB'");
    await client.query("select setseed(0.20261125)");
    const indexes = [...(await secondaryIndexes(client, "traces")), ...(await secondaryIndexes(client, "spans"))];
    for (const ix of indexes) await client.query(`drop index "${ix.name}"`);
    // The daily span partitions the worker would have made as the week's spans arrived.
    const partitions = await ensureSpanPartitions(client, { now: new Date(end), back: DAYS + 1, ahead: 1 });
    log(`span partitions: ${partitions.length} days (${partitions[0]} … ${partitions.at(-1)})`);

    let t0 = performance.now();
    await client.query(insertTracesSql({ projectId: PROJECT, count: traceCount, endMs: end, days: DAYS }));
    const tracesSec = seconds(t0);
    log(`traces: ${tracesSec} s`);
    t0 = performance.now();
    const spans = await client.query(insertSpansSql(PROJECT));
    const spansSec = seconds(t0);
    log(`spans: ${spans.rowCount?.toLocaleString("en")} in ${spansSec} s`);
    await client.query(insertDetailTraceSql(PROJECT, DETAIL_TRACE, end));
    const feedback = await client.query(insertFeedbackSql(PROJECT));
    log(`feedback scores: ${feedback.rowCount}`);
    t0 = performance.now();
    for (const ix of indexes) await client.query(ix.def);
    const indexSec = seconds(t0);
    log(`secondary indexes (${indexes.map((i) => i.name).join(", ")}): ${indexSec} s`);
    t0 = performance.now();
    await client.query("vacuum analyze traces");
    await client.query("vacuum analyze spans");
    await client.query("analyze spans"); // the partitioned parent's own statistics (vacuum analyze covers the partitions)
    await client.query("vacuum analyze scores");
    log(`vacuum analyze: ${seconds(t0)} s`);
    // spans: summed over its partitions (a partitioned parent has no storage of its own; a plain table is its own tree).
    const size = await client.query<{ traces: string; spans: string; trgm: string }>(`select pg_size_pretty(pg_total_relation_size('traces')) as traces,
      pg_size_pretty((select sum(pg_total_relation_size(relid))::bigint from pg_partition_tree('spans'))) as spans,
      pg_size_pretty(pg_relation_size('traces_search_text_trgm')) as trgm`);

    const rows: ExplorerScenario[] = [];
    const vsBaseline: Record<string, number> = {};
    for (const { name, query } of scenarios) {
      const q = listTracesQuery.parse({ ...query, limit: "50" });
      const first = await listTraceSummaries({ projectId: PROJECT, query: q });
      const times = await time(() => listTraceSummaries({ projectId: PROJECT, query: q }));
      const sql = traceListSql({ projectId: PROJECT, query: q });
      const explained = await explain(client, sql);
      rows.push({ name, rows: first.data.length, p50Ms: round(pct(times, 50)), p95Ms: round(pct(times, 95)), maxMs: round(times[times.length - 1]!), plan: explained });
      log(`${name}: ${first.data.length} rows, p50 ${round(pct(times, 50))} ms, p95 ${round(pct(times, 95))} ms — ${explained.summary}`);
    }
    const detail = await getTrace({ projectId: PROJECT, traceId: DETAIL_TRACE });
    if (detail.spans.length !== 50) throw new Error(`detail trace has ${detail.spans.length} spans, expected 50`);
    const detailTimes = await time(() => getTrace({ projectId: PROJECT, traceId: DETAIL_TRACE }));
    rows.push({ name: "trace detail (50 spans)", rows: detail.spans.length, p50Ms: round(pct(detailTimes, 50)), p95Ms: round(pct(detailTimes, 95)), maxMs: round(detailTimes[detailTimes.length - 1]!), plan: null });

    // Sessions, first page, beside what grouping every session of the range costs (the
    // straightforward query, and what the list did before it walked traces newest first).
    for (const [name, from] of [["sessions, last 7 days", week.from], ["sessions, all time", undefined]] as const) {
      const q = listSessionsQuery.parse({ limit: "50", ...(from ? { from } : {}) });
      const first = await listSessions({ projectId: PROJECT, query: q });
      const times = await time(() => listSessions({ projectId: PROJECT, query: q }));
      const grouped = `select session_id, max(start_time) from traces where project_id = $1 and session_id is not null ${from ? "and start_time >= $2" : ""}
        group by session_id order by max(start_time) desc, session_id desc limit 51`;
      const baseline = await timeRuns(() => client.query(grouped, from ? [PROJECT, from] : [PROJECT]), 5, 1);
      const ratio = round(pct(baseline, 50) / pct(times, 50));
      vsBaseline[name] = ratio;
      rows.push({ name, rows: first.data.length, p50Ms: round(pct(times, 50)), p95Ms: round(pct(times, 95)), maxMs: round(times[times.length - 1]!), plan: null,
        baseline: { name: "group every session", p50Ms: round(pct(baseline, 50)) } });
      log(`${name}: ${first.data.length} rows, p50 ${round(pct(times, 50))} ms, p95 ${round(pct(times, 95))} ms — grouping every session: p50 ${round(pct(baseline, 50))} ms (${ratio}× slower)`);
    }

    console.table(Object.fromEntries(rows.map((r) => [r.name, { rows: r.rows, "p50 ms": r.p50Ms, "p95 ms": r.p95Ms, "max ms": r.maxMs, "< 100 ms (p95)": r.p95Ms < 100 }])));
    const retention = await measureRetention(client);
    const partitionCount = await measurePartitionCount(client);
    const results: ExplorerResults = {
      benchmark: "explorer", format: 1, date: new Date().toISOString(), ...runLabel(),
      machine: machineFacts(await postgresVersion(client)),
      parameters: { spans: SPANS, days: DAYS, runs: RUNS, warmups: WARMUPS },
      measurements: {
        dataset: { spans: spans.rowCount, traces: traceCount + 1, feedbackScores: feedback.rowCount, end: new Date(end).toISOString(), sizes: size.rows[0] },
        load: { tracesSec, spansSec, indexSec }, scenarios: rows, partitionCount, retention,
      },
      ratios: { vsBaseline, retentionRowDeleteVsDropPerSpan: retention.rowDeleteVsDropPerSpan },
    };
    const file = await writeResults(import.meta.dirname, results, SPANS === DEFAULT_SPANS ? null : String(SPANS));
    log(`wrote ${file}; npm run bench:report renders it into docs/benchmarks.md`);
  } finally {
    await client.end();
  }
} finally {
  await postgres.close();
}

/**
 * What daily partitions cost as they pile up (a project kept forever adds 365 a year): the trace
 * detail (whose span read names the trace's time range, lib/traces/trace-spans.ts) and a span read
 * by trace id alone, which must look into every partition, with this week's partitions and again
 * after a year of (empty) earlier days is added. Planning and locking grow with the partitions a
 * query cannot exclude, not with their rows.
 */
async function measurePartitionCount(client: pg.Client) {
  const byTraceId = `select * from spans where project_id = $1 and trace_id = $2 order by start_time, id`;
  const count = async () => Number((await client.query(`select count(*) from pg_inherits where inhparent = 'spans'::regclass`)).rows[0].count);
  const measure = async () => {
    const detail = await time(() => getTrace({ projectId: PROJECT, traceId: DETAIL_TRACE }));
    const unpruned = await time(() => client.query(byTraceId, [PROJECT, DETAIL_TRACE]));
    return { partitions: await count(), traceDetailP50Ms: round(pct(detail, 50)), byTraceIdAloneP50Ms: round(pct(unpruned, 50)) };
  };
  const week = await measure();
  const t0 = performance.now();
  await ensureSpanPartitions(client, { now: new Date(end - (DAYS + 2) * 86_400_000), back: 364 - DAYS, ahead: 0 });
  const createSec = seconds(t0);
  await client.query("analyze spans");
  const year = await measure();
  log(`partitions: ${week.partitions} → ${year.partitions} (made in ${createSec} s): trace detail p50 ${week.traceDetailP50Ms} → ${year.traceDetailP50Ms} ms; ` +
    `spans by trace id alone p50 ${week.byTraceIdAloneP50Ms} → ${year.byTraceIdAloneP50Ms} ms`);
  return { week, year, createSec };
}

/**
 * What retention costs on this week, measured after the queries (it deletes): the oldest days' traces deleted
 * row by row as the worker does (traces are not partitioned: is that affordable?), their spans'
 * daily partitions dropped, and, for comparison, the next day's spans deleted row by row in the
 * same chunks: what an unpartitioned `spans` would pay for the same retention.
 */
async function measureRetention(client: pg.Client) {
  // The week's partial first day and its first whole day expire: two daily partitions.
  const days = DAYS - 2;
  const now = new Date(end);
  const boundary = retentionBoundary(now, days);
  // The synthetic rows need no project row for the explorer; project_settings references one.
  await client.query(`insert into orgs (id, name) values ('bench-org', 'Bench') on conflict do nothing`);
  await client.query(`insert into projects (id, org_id, name) values ($1, 'bench-org', 'Bench explorer') on conflict do nothing`, [PROJECT]);
  await client.query(`insert into project_settings (project_id, trace_retention_days) values ($1, $2)`, [PROJECT, days]);
  let t0 = performance.now();
  const traces = await deleteExpiredTraces(client, { projectId: PROJECT, before: boundary, deadline: Infinity });
  const tracesMs = performance.now() - t0;
  const droppedSpans = Number((await client.query(`select count(*) from spans where project_id = $1 and start_time < $2`, [PROJECT, boundary])).rows[0].count);
  t0 = performance.now();
  const pass = await applyRetention(client, { now, onlyProjects: [PROJECT] });
  const dropMs = performance.now() - t0;
  const next = partitionName(boundary);
  let rowDeleted = 0;
  t0 = performance.now();
  await inChunks(Infinity, async () => {
    const res = await client.query(`delete from ${next} where ctid = any(array(select ctid from ${next} where project_id = $1 limit ${CHUNK}))`, [PROJECT]);
    rowDeleted += res.rowCount ?? 0;
    return res.rowCount ?? 0;
  });
  const rowMs = performance.now() - t0;
  // What the row-by-row delete leaves behind: dead rows and index entries for VACUUM (a dropped partition leaves none).
  t0 = performance.now();
  await client.query(`vacuum ${next}`);
  const vacuumMs = performance.now() - t0;
  const out = {
    retentionDays: days, boundary: boundary.toISOString(),
    traces: { deleted: traces.traces, scores: traces.scores, ms: round(tracesMs), perSec: Math.round(traces.traces / (tracesMs / 1000)) },
    spansDropped: { partitions: pass.droppedPartitions, spans: droppedSpans, ms: round(dropMs) },
    spansRowDeleted: { partition: next, spans: rowDeleted, ms: round(rowMs), perSec: Math.round(rowDeleted / (rowMs / 1000)), vacuumMs: round(vacuumMs) },
    rowDeleteVsDropPerSpan: round((rowMs / rowDeleted) / (dropMs / Math.max(1, droppedSpans))),
  };
  log(`retention ${days} d (before ${out.boundary}): ${out.traces.deleted} traces deleted row by row in ${out.traces.ms} ms (${out.traces.perSec}/s); ` +
    `${out.spansDropped.spans} spans dropped with ${pass.droppedPartitions.join(", ")} in ${out.spansDropped.ms} ms; the next day's ${rowDeleted} spans deleted row by row in ${out.spansRowDeleted.ms} ms ` +
    `(${out.spansRowDeleted.perSec}/s) and vacuumed in ${out.spansRowDeleted.vacuumMs} ms: ${out.rowDeleteVsDropPerSpan}× the time per span, before the vacuum`);
  return out;
}

/** EXPLAIN ANALYZE of the page query: which indexes it used and how many rows it read. */
async function explain(client: pg.Client, sql: { text: string; values: unknown[] }) {
  const { rows } = await client.query<{ "QUERY PLAN": string }>(`explain (analyze, buffers, costs off) ${sql.text}`, sql.values);
  const lines = rows.map((r) => r["QUERY PLAN"]);
  const nodes = lines.filter((l) => /Scan|Sort|Limit/.test(l)).map((l) => l.trim().replace(/\s+\(actual.*$/, "").replace(/^->\s*/, ""));
  const execution = lines.find((l) => l.startsWith("Execution Time"));
  return { summary: `${nodes.join(" → ")}; ${execution ?? ""}`, lines };
}
