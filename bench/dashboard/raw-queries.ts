/**
 * The baseline: the same dashboard figures computed straight from `spans` with exact
 * ordered-set aggregates, plus the reference percentiles the sketch answers are checked
 * against. Filters and bucketing mirror lib/metrics/metrics-sql.ts.
 */
import type pg from "pg";
import type { MetricPoint, MetricsQuery, MetricsResponse } from "../../lib/schemas/metrics";

const QUANTILES = "array[0.5, 0.95, 0.99]";

function source(projectId: string, q: MetricsQuery, bucketSeconds: number) {
  const values: unknown[] = [projectId, q.from, q.to, bucketSeconds];
  const where = ["project_id = $1", "kind = 'llm'", "start_time >= $2", "start_time < $3"];
  if (q.environment !== undefined) where.push(`environment = $${values.push(q.environment)}`);
  if (q.model !== undefined) where.push(`model = $${values.push(q.model)}`);
  const key = q.groupBy === "model" ? "coalesce(model, '')" : q.groupBy === "environment" ? "coalesce(environment, '')" : "''";
  if (q.groupBy === "promptVersion") throw new Error("raw baseline: groupBy promptVersion not needed here");
  const text = `select floor(extract(epoch from start_time) / $4)::bigint * $4 as t, ${key} as key, level, total_cost, latency_ms
    from spans where ${where.join(" and ")}`;
  return { text, values };
}

/**
 * What the overview shows — a point per bucket, per group when grouped, and the totals —
 * with count, errors, cost and exact p50/p95/p99 latency, in one statement.
 */
export function rawOverviewSql(projectId: string, q: MetricsQuery, bucketSeconds: number) {
  const s = source(projectId, q, bucketSeconds);
  const sets = q.groupBy ? "(t), (key), ()" : "(t), ()";
  return {
    text: `select count(*)::int as count, (count(*) filter (where level = 'ERROR'))::int as errors, coalesce(sum(total_cost), 0)::float8 as cost,
        percentile_cont(${QUANTILES}) within group (order by latency_ms) as latency
      from (${s.text}) s group by grouping sets (${sets})`,
    values: s.values,
  };
}

type Reference = { key: string | null; count: number; errors: number; cost: number; disc: number[]; cont: number[] };

/** Totals (and per-group totals) with both percentile conventions, for the accuracy check. */
async function references(client: pg.Client, projectId: string, q: MetricsQuery, bucketSeconds: number): Promise<Reference[]> {
  const s = source(projectId, q, bucketSeconds);
  const res = await client.query<Reference>(
    `select ${q.groupBy ? "case when grouping(key) = 1 then null else key end" : "null"} as key,
       count(*)::int as count, (count(*) filter (where level = 'ERROR'))::int as errors, coalesce(sum(total_cost), 0)::float8 as cost,
       percentile_disc(${QUANTILES}) within group (order by latency_ms) as disc,
       percentile_cont(${QUANTILES}) within group (order by latency_ms) as cont
     from (${s.text}) s group by ${q.groupBy ? "grouping sets ((key), ())" : "()"}`,
    s.values,
  );
  return res.rows;
}

export type Accuracy = {
  /** Max relative error of p50/p95/p99 latency over the totals and every group. */
  maxErrorVsDisc: number;
  maxErrorVsCont: number;
  /** Counts, errors and cost of the totals and groups equal the raw figures. */
  sumsMatch: boolean;
  totals: { sketch: number[]; disc: number[]; cont: number[] };
};

const percentiles = (p: MetricPoint) => [p.latencyP50, p.latencyP95, p.latencyP99];

export async function checkAccuracy(client: pg.Client, projectId: string, q: MetricsQuery, bucketSeconds: number, ours: MetricsResponse): Promise<Accuracy> {
  const refs = await references(client, projectId, q, bucketSeconds);
  let maxErrorVsDisc = 0;
  let maxErrorVsCont = 0;
  let sumsMatch = true;
  let totals: Accuracy["totals"] | undefined;
  for (const ref of refs) {
    const point = ref.key === null ? ours.totals : ours.groups?.find((g) => g.key === ref.key)?.totals;
    if (!point) throw new Error(`queryMetrics returned no group ${ref.key}`);
    const sketch = percentiles(point);
    sketch.forEach((v, i) => {
      if (v === null) throw new Error("queryMetrics returned no latency percentile");
      maxErrorVsDisc = Math.max(maxErrorVsDisc, Math.abs(v - ref.disc[i]!) / ref.disc[i]!);
      maxErrorVsCont = Math.max(maxErrorVsCont, Math.abs(v - ref.cont[i]!) / ref.cont[i]!);
    });
    sumsMatch &&= point.count === ref.count && point.errors === ref.errors && Math.abs(point.cost - ref.cost) <= 1e-6 * Math.max(1, ref.cost);
    if (ref.key === null) totals = { sketch: sketch as number[], disc: ref.disc, cont: ref.cont };
  }
  if (!totals) throw new Error("no totals row");
  return { maxErrorVsDisc, maxErrorVsCont, sumsMatch, totals };
}
