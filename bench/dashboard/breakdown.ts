/**
 * Where queryMetrics' time goes: the statements it issues for each part of the range,
 * timed on their own through node-pg (no Prisma, no merging in JS), with the rows they return.
 */
import type pg from "pg";
import { MetricsSql, type RollupSource } from "../../lib/metrics/metrics-sql";
import type { MetricsQuery } from "../../lib/schemas/metrics";

export type SourceTiming = { source: string; ms: number; rows: number };
export type Breakdown = { sqlMs: number; sources: SourceTiming[] };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export const describeSource = (s: RollupSource) =>
  s.table === "metric_rollups" ? `rollups ${s.tier / 60} min grain ${s.grain}` : "metric_minutes";

export async function sqlBreakdown(client: pg.Client, projectId: string, q: MetricsQuery, bucketSeconds: number, sources: RollupSource[], runs = 5): Promise<Breakdown> {
  const timed = async (source: RollupSource, build: (s: MetricsSql) => string) => {
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < runs; i++) {
      const s = new MetricsSql(projectId, q, bucketSeconds, source);
      const text = build(s);
      const t0 = performance.now();
      rows = (await client.query(text, s.params)).rowCount ?? 0;
      times.push(performance.now() - t0);
    }
    return { ms: median(times), rows };
  };
  const out: SourceTiming[] = [];
  for (const source of sources) {
    const parts = source.table === "metric_rollups"
      ? [await timed(source, (s) => s.rollupRows())]
      : [await timed(source, (s) => s.rollupSums()), await timed(source, (s) => s.rollupSketches())];
    out.push({ source: describeSource(source), ms: +parts.reduce((n, p) => n + p.ms, 0).toFixed(1), rows: parts.reduce((n, p) => n + p.rows, 0) });
  }
  return { sqlMs: +out.reduce((n, s) => n + s.ms, 0).toFixed(1), sources: out };
}
