/**
 * npm run bench:dashboard — the overview's metric queries over a week of 10M LLM spans:
 * queryMetrics (rollups + sketches) against the same figures computed from the raw spans
 * with percentile_cont, in one run on this machine, and the sketch percentiles' error
 * against exact percentiles. Prints a table and writes bench/dashboard/results.json
 * (bench/lib/results.ts). BENCH_SPANS lowers the span count for quick trials, written to
 * results-<spans>.json so the recorded run stays.
 */
import pg from "pg";
import { queryMetrics, rollupSources } from "../../lib/metrics/query-metrics";
import { rollupCutoff } from "../../lib/metrics/rollup-tiers";
import { autoBucket, BUCKET_MS, type MetricsQuery } from "../../lib/schemas/metrics";
import { LOAD_SETTINGS, loadDataset } from "./load";
import { startBenchDatabase } from "../lib/database";
import { type DashboardResults, type DashboardScenario, machineFacts, postgresVersion, runLabel, writeResults } from "../lib/results";
import { benchLogger, pct, round, timeRuns } from "../lib/timing";
import { describeSource, sqlBreakdown } from "./breakdown";
import { checkAccuracy, rawOverviewSql } from "./raw-queries";

const DEFAULT_SPANS = 10_000_000;
const SPANS = Number(process.env.BENCH_SPANS ?? DEFAULT_SPANS);
const DAYS = 7;
const OURS_RUNS = 20;
const RAW_RUNS = 3;
const WARMUPS = 2;
const PROJECT = "bench-dashboard";
const HOUR = 3_600_000;

const log = benchLogger();
const time = timeRuns;

// Whole minutes, so the last minute of data is complete like every other.
const end = Math.floor(Date.now() / 60_000) * 60_000;
const range = (hours: number) => ({ from: new Date(end - hours * HOUR), to: new Date(end) });
const scenarios: { name: string; q: MetricsQuery }[] = [
  { name: "7 d overview", q: { ...range(24 * DAYS) } },
  { name: "7 d by model", q: { ...range(24 * DAYS), groupBy: "model" } },
  { name: "7 d env=production", q: { ...range(24 * DAYS), environment: "production" } },
  { name: "24 h overview", q: { ...range(24) } },
  { name: "24 h by model", q: { ...range(24), groupBy: "model" } },
  { name: "24 h env=production", q: { ...range(24), environment: "production" } },
];

const postgres = await startBenchDatabase("dashboard");
try {
  log(`${SPANS.toLocaleString("en")} spans over ${DAYS} days ending ${new Date(end).toISOString()}`);
  const load = await loadDataset(postgres.url, { projectId: PROJECT, spans: SPANS, end, days: DAYS }, log);

  const client = new pg.Client({ connectionString: postgres.url });
  await client.connect();
  const cutoff = await rollupCutoff();
  const rows: DashboardScenario[] = [];
  const speedup: Record<string, number> = {};
  try {
    for (const { name, q } of scenarios) {
      const bucket = q.bucket ?? autoBucket(q.from, q.to);
      const bucketSeconds = BUCKET_MS[bucket] / 1000;
      // The same split queryMetrics makes: rollup tiers for whole completed tier buckets, minutes at the edges.
      // The series at the filters' grain and the bucket's tier; group totals at the grouping's grain, any tier.
      const seriesQ = { ...q, groupBy: undefined };
      const sources = await rollupSources({ query: seriesQ, bucketMs: BUCKET_MS[bucket] });
      const groupSources = q.groupBy ? await rollupSources({ query: q, bucketMs: null }) : [];
      let response = await queryMetrics({ projectId: PROJECT, query: q });
      for (let i = 1; i < WARMUPS; i++) response = await queryMetrics({ projectId: PROJECT, query: q });
      const ours = await time(() => queryMetrics({ projectId: PROJECT, query: q }), OURS_RUNS);
      // The reference query reads the same spans first, so the raw runs start from a warm cache too.
      const accuracy = await checkAccuracy(client, PROJECT, q, bucketSeconds, response);
      const seriesSql = await sqlBreakdown(client, PROJECT, seriesQ, bucketSeconds, sources);
      const groupSql = q.groupBy ? await sqlBreakdown(client, PROJECT, q, 400 * 86_400, groupSources) : { sqlMs: 0, sources: [] };
      const sqlOnly = { sqlMs: +(seriesSql.sqlMs + groupSql.sqlMs).toFixed(1), sources: [...seriesSql.sources, ...groupSql.sources.map((s) => ({ ...s, source: `groups: ${s.source}` }))] };
      const raw = rawOverviewSql(PROJECT, q, bucketSeconds);
      const rawTimes = await time(() => client.query(raw.text, raw.values), RAW_RUNS);
      const row = {
        name, bucket, source: [...sources, ...groupSources].map(describeSource).join(" + "),
        spansInRange: response.totals.count,
        ours: { p50Ms: round(pct(ours, 50)), p95Ms: round(pct(ours, 95)), maxMs: round(ours[ours.length - 1]!), runs: OURS_RUNS },
        raw: { p50Ms: round(pct(rawTimes, 50)), runsMs: rawTimes.map(round) },
        maxErrorVsDisc: +accuracy.maxErrorVsDisc.toFixed(5), maxErrorVsCont: +accuracy.maxErrorVsCont.toFixed(5),
        sumsMatch: accuracy.sumsMatch, totalsLatencyMs: accuracy.totals, sqlOnly,
      };
      rows.push(row);
      speedup[name] = +(pct(rawTimes, 50) / pct(ours, 50)).toFixed(1);
      log(`${name}: ours p50 ${row.ours.p50Ms} / p95 ${row.ours.p95Ms} ms, raw p50 ${row.raw.p50Ms} ms (×${speedup[name]}), error ≤ ${(row.maxErrorVsCont * 100).toFixed(2)} %; ` +
        `SQL alone ${sqlOnly.sqlMs} ms: ${sqlOnly.sources.map((s) => `${s.source} ${s.ms} ms/${s.rows} rows`).join(", ")}`);
    }

    // What the rollup tiers buy: the 7-day overview with metric_rollups ignored (no watermark).
    await client.query("delete from job_watermarks where name = 'metric_rollups'");
    const q7 = scenarios[0]!.q;
    await queryMetrics({ projectId: PROJECT, query: q7 });
    const minutesOnly = await time(() => queryMetrics({ projectId: PROJECT, query: q7 }), 5);
    const minutesOnlyRow = { name: "7 d overview, metric_minutes only", p50Ms: round(pct(minutesOnly, 50)), maxMs: round(minutesOnly[minutesOnly.length - 1]!), runs: 5 };
    log(`${minutesOnlyRow.name}: p50 ${minutesOnlyRow.p50Ms} ms`);

    const results: DashboardResults = {
      benchmark: "dashboard", format: 1, date: new Date().toISOString(), ...runLabel(),
      machine: machineFacts(await postgresVersion(client)),
      parameters: { spans: SPANS, days: DAYS, end: new Date(end).toISOString(), project: PROJECT, oursRuns: OURS_RUNS, oursWarmups: WARMUPS, rawRuns: RAW_RUNS, loadSettings: LOAD_SETTINGS },
      measurements: { load, rollupCutoff: cutoff?.toISOString() ?? null, scenarios: rows, minutesOnly: minutesOnlyRow },
      ratios: { speedup },
    };
    console.table(Object.fromEntries(rows.map((r) => [r.name, {
      "ours p50 ms": r.ours.p50Ms, "ours p95 ms": r.ours.p95Ms, "raw p50 ms": r.raw.p50Ms, "speed-up": speedup[r.name],
      "err vs disc %": +(r.maxErrorVsDisc * 100).toFixed(2), "err vs cont %": +(r.maxErrorVsCont * 100).toFixed(2), "sums match": r.sumsMatch,
    }])));
    const file = await writeResults(import.meta.dirname, results, SPANS === DEFAULT_SPANS ? null : String(SPANS));
    log(`wrote ${file}; npm run bench:report renders it into docs/benchmarks.md`);
  } finally {
    await client.end();
  }
} finally {
  await postgres.close();
}
