import { db } from "../db";
import { autoBucket, BUCKET_MS, type MetricsQuery, type MetricsResponse } from "../schemas/metrics";
import { type Accumulator, addSketch, addSums, emptyAccumulator, type SumsRow, toPoint } from "./metric-point";
import { MetricsSql, type RollupSource } from "./metrics-sql";
import { grainFor, rollupCutoff, TIERS } from "./rollup-tiers";

type Keyed = { t: number; key: string };
type SumsResult = SumsRow & Keyed;
type SketchResult = Keyed & { which: "latency" | "ttft"; b: number; c: number };
type TierRow = SumsResult & { latencyBuckets: string; latencyCounts: string; ttftBuckets: string; ttftCounts: string };
/** Rows of one read: aggregated minute/span rows (sums, sketch pairs) and tier rows as stored. */
type Read = { sums: SumsResult[]; sketches: SketchResult[]; tierRows: TierRow[] };

/** A Postgres int[] in its text form ("{1,2,3}") as numbers. */
export const parseIntArray = (text: string): number[] => (text.length <= 2 ? [] : text.slice(1, -1).split(",").map(Number));

/** Group totals ignore time: one "bucket" longer than any range collapses t for them. */
const WHOLE_RANGE_SECONDS = 400 * 86_400;

async function run<T>(build: (sql: MetricsSql) => string, projectId: string, q: MetricsQuery, bucketSeconds: number, source?: RollupSource): Promise<T[]> {
  const sql = new MetricsSql(projectId, q, bucketSeconds, source);
  const text = build(sql);
  return db.$queryRawUnsafe<T[]>(text, ...sql.params);
}

async function readRollups(projectId: string, q: MetricsQuery, seconds: number, sources: RollupSource[]): Promise<Read> {
  const parts = await Promise.all(sources.map(async (source): Promise<Read> => {
    if (source.table === "metric_rollups") return { tierRows: await run<TierRow>((s) => s.rollupRows(), projectId, q, seconds, source), sums: [], sketches: [] };
    const [sums, sketches] = await Promise.all([
      run<SumsResult>((s) => s.rollupSums(), projectId, q, seconds, source),
      run<SketchResult>((s) => s.rollupSketches(), projectId, q, seconds, source),
    ]);
    return { sums, sketches, tierRows: [] };
  }));
  return { sums: parts.flatMap((p) => p.sums), sketches: parts.flatMap((p) => p.sketches), tierRows: parts.flatMap((p) => p.tierRows) };
}

/** Adds every row of a read into the accumulators `into` picks for it. */
function fold(read: Read, into: (row: Keyed) => Accumulator[]) {
  for (const row of read.sums) for (const acc of into(row)) addSums(acc, row);
  for (const row of read.sketches) for (const acc of into(row)) addSketch(acc, row.which, [row.b], [row.c]);
  for (const row of read.tierRows) {
    const latency = [parseIntArray(row.latencyBuckets), parseIntArray(row.latencyCounts)] as const;
    const ttft = [parseIntArray(row.ttftBuckets), parseIntArray(row.ttftCounts)] as const;
    for (const acc of into(row)) {
      addSums(acc, row);
      addSketch(acc, "latency", ...latency);
      addSketch(acc, "ttft", ...ttft);
    }
  }
}

/**
 * Dashboard metrics for a range: counts and sums are exact; percentiles come from merged
 * log-bucket sketches (≤ 1 % relative error). Rollup dimensions read the rollup tiers and
 * metric_minutes; other filters read the spans with the same sketch mapping, so both paths agree.
 *
 * With rollups, the series (and totals) and the group totals are two reads: the series at
 * the grain of the filters and the tier of the bucket, the groups at the grain of the
 * grouping and the coarsest tier that fits in the range (they need no time buckets).
 */
export async function queryMetrics(options: { projectId: string; query: MetricsQuery }): Promise<MetricsResponse> {
  const { projectId, query: q } = options;
  const bucket = q.bucket ?? autoBucket(q.from, q.to);
  const seconds = BUCKET_MS[bucket] / 1000;
  const rollups = MetricsSql.usesRollups(q);

  const series = new Map<number, Accumulator>();
  const groups = new Map<string, Accumulator>();
  const totals = emptyAccumulator();
  const at = <K>(map: Map<K, Accumulator>, key: K) => map.get(key) ?? map.set(key, emptyAccumulator()).get(key)!;

  if (rollups) {
    const seriesQ: MetricsQuery = { ...q, groupBy: undefined };
    const [seriesRead, groupRead] = await Promise.all([
      rollupSources({ query: seriesQ, bucketMs: BUCKET_MS[bucket] }).then((sources) => readRollups(projectId, seriesQ, seconds, sources)),
      q.groupBy ? rollupSources({ query: q, bucketMs: null }).then((sources) => readRollups(projectId, q, WHOLE_RANGE_SECONDS, sources)) : null,
    ]);
    fold(seriesRead, (row) => [at(series, row.t), totals]);
    if (groupRead) fold(groupRead, (row) => [at(groups, row.key)]);
  } else {
    const [sums, sketches, feedback] = await Promise.all([
      run<SumsResult>((s) => s.spanSums(), projectId, q, seconds),
      run<SketchResult>((s) => s.spanSketches(), projectId, q, seconds),
      run<SumsResult>((s) => s.spanFeedback(), projectId, q, seconds),
    ]);
    fold({ sums: [...sums, ...feedback], sketches, tierRows: [] }, (row) => [at(series, row.t), at(groups, row.key), totals]);
  }

  // Every bucket of the range appears, so charts show gaps as zero rather than skipping them.
  const step = BUCKET_MS[bucket];
  const first = Math.floor(q.from.getTime() / step) * step;
  const points: MetricsResponse["series"] = [];
  for (let t = first; t < q.to.getTime(); t += step) {
    points.push({ time: new Date(t).toISOString(), ...toPoint(series.get(t / 1000) ?? emptyAccumulator()) });
  }
  return {
    from: q.from.toISOString(),
    to: q.to.toISOString(),
    bucket,
    source: rollups ? "rollups" : "spans",
    series: points,
    totals: toPoint(totals),
    ...(q.groupBy ? { groups: [...groups.entries()].map(([key, acc]) => ({ key, totals: toPoint(acc) })).sort((a, b) => b.totals.count - a.totals.count) } : {}),
  };
}

/**
 * Where each part of the range is read: the coarsest rollup tier that divides the bucket
 * (any tier when `bucketMs` is null: group totals need no time buckets) covers the whole
 * tier buckets the worker has completed, at the grain the query needs; the edges fall
 * through to finer tiers and finally to metric_minutes. Every level holds the same sums and
 * sketches, so the answer is the same whichever level answers.
 */
export async function rollupSources(options: { query: MetricsQuery; bucketMs: number | null }): Promise<RollupSource[]> {
  const { query: q, bucketMs } = options;
  const tiers = TIERS.filter((tier) => bucketMs === null || bucketMs % (tier * 1000) === 0);
  const cutoff = tiers.length ? await rollupCutoff() : null;
  if (!cutoff) return [{ table: "metric_minutes", from: q.from, to: q.to }];
  const grain = grainFor(q);
  const sources: RollupSource[] = [];
  const split = (from: number, to: number, level: number) => {
    if (from >= to) return;
    const tier = tiers[level];
    if (tier === undefined) {
      sources.push({ table: "metric_minutes", from: new Date(from), to: new Date(to) });
      return;
    }
    const ms = tier * 1000;
    const start = Math.ceil(from / ms) * ms;
    const end = Math.floor(Math.min(to, cutoff.getTime()) / ms) * ms;
    if (end <= start) return split(from, to, level + 1);
    sources.push({ table: "metric_rollups", tier, grain, from: new Date(start), to: new Date(end) });
    split(from, start, level + 1);
    split(end, to, level + 1);
  };
  split(q.from.getTime(), q.to.getTime(), 0);
  return sources;
}
