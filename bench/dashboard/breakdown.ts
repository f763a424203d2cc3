/**
 * Where queryMetrics' time goes: the two rollup statements it issues, timed on their own
 * through node-pg (no Prisma, no merging in JS), with the rows they return and how many
 * sketch values Postgres unnests to produce them.
 */
import type pg from "pg";
import { MetricsSql, type RollupSource } from "../../lib/metrics/metrics-sql";
import type { MetricsQuery } from "../../lib/schemas/metrics";

export type Breakdown = { table: string; sumsMs: number; sketchesMs: number; sketchRows: number; unnestedValues: number };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function sqlBreakdown(client: pg.Client, projectId: string, q: MetricsQuery, bucketSeconds: number, source: RollupSource, runs = 5): Promise<Breakdown> {
  const timed = async (build: (s: MetricsSql) => string) => {
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < runs; i++) {
      const s = new MetricsSql(projectId, q, bucketSeconds, source);
      const text = build(s);
      const t0 = performance.now();
      rows = (await client.query(text, s.params)).rowCount ?? 0;
      times.push(performance.now() - t0);
    }
    return { ms: +median(times).toFixed(1), rows };
  };
  const sums = await timed((s) => s.rollupSums());
  const sketches = await timed((s) => s.rollupSketches());
  const time = source.table === "metric_hours" ? "hour" : "minute";
  const filters: string[] = [];
  const values: unknown[] = [projectId, source.from, source.to];
  if (q.environment !== undefined) filters.push(`and environment = $${values.push(q.environment)}`);
  if (q.model !== undefined) filters.push(`and model = $${values.push(q.model)}`);
  const unnested = await client.query<{ n: string }>(
    `select sum(cardinality(latency_buckets) + cardinality(ttft_buckets))::text as n from ${source.table}
     where project_id = $1 and ${time} >= $2 and ${time} < $3 ${filters.join(" ")}`,
    values,
  );
  return { table: source.table, sumsMs: sums.ms, sketchesMs: sketches.ms, sketchRows: sketches.rows, unnestedValues: Number(unnested.rows[0]?.n ?? 0) };
}
