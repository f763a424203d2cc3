import { db } from "../db";
import { autoBucket, BUCKET_MS, type MetricsQuery, type MetricsResponse } from "../schemas/metrics";
import { type Accumulator, addSketch, addSums, emptyAccumulator, type SumsRow, toPoint } from "./metric-point";
import { MetricsSql, type RollupSource } from "./metrics-sql";
import { hourRollupCutoff } from "./rollup-hours";

type SumsResult = SumsRow & { t: number; key: string };
type SketchResult = { t: number; key: string; which: "latency" | "ttft"; b: number; c: number };

async function run<T>(build: (sql: MetricsSql) => string, projectId: string, q: MetricsQuery, bucketSeconds: number, source?: RollupSource): Promise<T[]> {
  const sql = new MetricsSql(projectId, q, bucketSeconds, source);
  const text = build(sql);
  return db.$queryRawUnsafe<T[]>(text, ...sql.params);
}

/**
 * Dashboard metrics for a range: counts and sums are exact; percentiles come from merged
 * log-bucket sketches (≤ 1 % relative error). Rollup dimensions read metric_minutes;
 * other filters read the spans with the same sketch mapping, so both paths agree.
 */
export async function queryMetrics(projectId: string, q: MetricsQuery): Promise<MetricsResponse> {
  const bucket = q.bucket ?? autoBucket(q.from, q.to);
  const seconds = BUCKET_MS[bucket] / 1000;
  const rollups = MetricsSql.usesRollups(q);
  let sums: SumsResult[];
  let sketches: SketchResult[];
  let feedback: SumsResult[] = [];
  if (rollups) {
    const sources = await rollupSources(q, BUCKET_MS[bucket]);
    const parts = await Promise.all(sources.map((source) => Promise.all([
      run<SumsResult>((s) => s.rollupSums(), projectId, q, seconds, source),
      run<SketchResult>((s) => s.rollupSketches(), projectId, q, seconds, source),
    ])));
    sums = parts.flatMap(([a]) => a);
    sketches = parts.flatMap(([, b]) => b);
  } else {
    [sums, sketches, feedback] = await Promise.all([
      run<SumsResult>((s) => s.spanSums(), projectId, q, seconds),
      run<SketchResult>((s) => s.spanSketches(), projectId, q, seconds),
      run<SumsResult>((s) => s.spanFeedback(), projectId, q, seconds),
    ]);
  }

  const series = new Map<number, Accumulator>();
  const groups = new Map<string, Accumulator>();
  const totals = emptyAccumulator();
  const at = <K>(map: Map<K, Accumulator>, key: K) => map.get(key) ?? map.set(key, emptyAccumulator()).get(key)!;
  for (const row of [...sums, ...feedback]) {
    for (const acc of [at(series, row.t), at(groups, row.key), totals]) addSums(acc, row);
  }
  for (const row of sketches) {
    for (const acc of [at(series, row.t), at(groups, row.key), totals]) addSketch(acc, row.which, [row.b], [row.c]);
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

const HOUR = 3_600_000;

/**
 * Where each part of the range is read: whole hours the worker has rolled up come from
 * metric_hours (when buckets are an hour or longer), the edges and the recent part from
 * metric_minutes. Both hold the same sums and sketches, so the answer is the same.
 */
async function rollupSources(q: MetricsQuery, bucketMs: number): Promise<RollupSource[]> {
  const minutes = (from: Date, to: Date): RollupSource => ({ table: "metric_minutes", from, to });
  if (bucketMs < HOUR) return [minutes(q.from, q.to)];
  const cutoff = await hourRollupCutoff();
  const hourFrom = new Date(Math.ceil(q.from.getTime() / HOUR) * HOUR);
  const hourTo = new Date(Math.min(Math.floor(q.to.getTime() / HOUR) * HOUR, cutoff?.getTime() ?? 0));
  if (!cutoff || hourTo <= hourFrom) return [minutes(q.from, q.to)];
  const sources: RollupSource[] = [{ table: "metric_hours", from: hourFrom, to: hourTo }];
  if (q.from < hourFrom) sources.push(minutes(q.from, hourFrom));
  if (hourTo < q.to) sources.push(minutes(hourTo, q.to));
  return sources;
}
