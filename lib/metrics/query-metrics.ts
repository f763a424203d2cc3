import { db } from "../db";
import { autoBucket, BUCKET_MS, type MetricsQuery, type MetricsResponse } from "../schemas/metrics";
import { type Accumulator, addSketch, addSums, emptyAccumulator, type SumsRow, toPoint } from "./metric-point";
import { MetricsSql, type RollupSource } from "./metrics-sql";
import { grainFor, rollupCutoff, TIERS } from "./rollup-tiers";

type SumsResult = SumsRow & { t: number; key: string };
type SketchResult = { t: number; key: string; which: "latency" | "ttft"; b: number; c: number };
type TierRow = SumsResult & { latencyBuckets: string; latencyCounts: string; ttftBuckets: string; ttftCounts: string };

/** A Postgres int[] in its text form ("{1,2,3}") as numbers. */
export const parseIntArray = (text: string): number[] => (text.length <= 2 ? [] : text.slice(1, -1).split(",").map(Number));

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
  let sums: SumsResult[] = [];
  let sketches: SketchResult[] = [];
  let tierRows: TierRow[] = [];
  let feedback: SumsResult[] = [];
  if (rollups) {
    const sources = await rollupSources(q, BUCKET_MS[bucket]);
    const parts = await Promise.all(sources.map((source) =>
      source.table === "metric_rollups"
        ? run<TierRow>((s) => s.rollupRows(), projectId, q, seconds, source).then((rows) => ({ rows, sums: [], sketches: [] }))
        : Promise.all([
            run<SumsResult>((s) => s.rollupSums(), projectId, q, seconds, source),
            run<SketchResult>((s) => s.rollupSketches(), projectId, q, seconds, source),
          ]).then(([sums, sketches]) => ({ rows: [], sums, sketches })),
    ));
    tierRows = parts.flatMap((p) => p.rows);
    sums = parts.flatMap((p) => p.sums);
    sketches = parts.flatMap((p) => p.sketches);
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
  for (const row of tierRows) {
    const latency = [parseIntArray(row.latencyBuckets), parseIntArray(row.latencyCounts)] as const;
    const ttft = [parseIntArray(row.ttftBuckets), parseIntArray(row.ttftCounts)] as const;
    for (const acc of [at(series, row.t), at(groups, row.key), totals]) {
      addSums(acc, row);
      addSketch(acc, "latency", ...latency);
      addSketch(acc, "ttft", ...ttft);
    }
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
 * covers the whole tier buckets the worker has completed, at the grain the query needs;
 * the edges fall through to finer tiers and finally to metric_minutes. Every level holds
 * the same sums and sketches, so the answer is the same whichever level answers.
 */
export async function rollupSources(q: MetricsQuery, bucketMs: number): Promise<RollupSource[]> {
  const tiers = TIERS.filter((tier) => bucketMs % (tier * 1000) === 0);
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
