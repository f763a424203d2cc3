import { SKETCH_SQL_INDEX } from "./latency-sketch";
import type { MetricsQuery } from "../schemas/metrics";

/** Where one part of a range is read: metric_minutes, or one tier of metric_rollups at one grain. */
export type RollupSource =
  | { table: "metric_minutes"; from: Date; to: Date }
  | { table: "metric_rollups"; tier: number; grain: number; from: Date; to: Date };

/** Builds the SQL for one metrics read; `$n` parameters are collected in `params`. */
export class MetricsSql {
  readonly params: unknown[] = [];
  private readonly source: RollupSource;
  constructor(readonly projectId: string, readonly q: MetricsQuery, readonly bucketSeconds: number, source?: RollupSource) {
    this.source = source ?? { table: "metric_minutes", from: q.from, to: q.to };
  }

  private get timeColumn() {
    return this.source.table === "metric_rollups" ? "start" : "minute";
  }

  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  /** Rollups hold only these dimensions; anything else is answered from spans. */
  static usesRollups(q: MetricsQuery): boolean {
    return !q.provider && !q.release && !q.userId && !(q.tags && q.tags.length);
  }

  private bucket(column: string) {
    const b = this.param(this.bucketSeconds);
    // date_part is float8; extract() would be numeric, computed for every unnested sketch pair.
    return `(floor(date_part('epoch', ${column}) / ${b})::bigint * ${b})::float8`;
  }

  private groupKey(prefix = "") {
    switch (this.q.groupBy) {
      case "model": return `coalesce(${prefix}model, '')`;
      case "environment": return `coalesce(${prefix}environment, '')`;
      case "promptVersion": return `case when coalesce(${prefix}prompt_name, '') = '' then '' else ${prefix}prompt_name || ' v' || coalesce(${prefix}prompt_version, 0) end`;
      default: return "''";
    }
  }

  private rollupWhere() {
    const q = this.q;
    const t = this.timeColumn;
    const parts = [`project_id = ${this.param(this.projectId)}`];
    if (this.source.table === "metric_rollups") parts.push(`tier = ${this.param(this.source.tier)}`, `grain = ${this.param(this.source.grain)}`);
    parts.push(`${t} >= ${this.param(this.source.from)}`, `${t} < ${this.param(this.source.to)}`);
    if (q.environment !== undefined) parts.push(`environment = ${this.param(q.environment)}`);
    if (q.model !== undefined) parts.push(`model = ${this.param(q.model)}`);
    if (q.promptName !== undefined) parts.push(`prompt_name = ${this.param(q.promptName)}`);
    if (q.promptVersion !== undefined) parts.push(`prompt_version = ${this.param(q.promptVersion)}`);
    return parts.join(" and ");
  }

  rollupSums(): string {
    return `select ${this.bucket(this.timeColumn)} as t, ${this.groupKey()} as key,
      sum(count)::int as count, sum(errors)::int as errors, sum(cost_sum)::float8 as cost,
      sum(input_tokens)::float8 as "inputTokens", sum(output_tokens)::float8 as "outputTokens",
      sum(thumbs_up)::int as "thumbsUp", sum(thumbs_down)::int as "thumbsDown", sum(flagged_pii)::int as "flaggedPii",
      sum(flagged_injection)::int as "flaggedInjection", sum(flagged_uncertainty)::int as "flaggedUncertainty"
      from ${this.source.table} where ${this.rollupWhere()} group by 1, 2`;
  }

  /**
   * Tier rows as stored, sums and sketch arrays together: at the right grain there are few
   * of them (one per tier bucket and group), so Node merges them instead of Postgres
   * unnesting every (bucket, count) pair. Arrays travel as text: splitting "{1,2,3}" is
   * several times cheaper than the driver's generic array parser.
   */
  rollupRows(): string {
    return `select ${this.bucket(this.timeColumn)} as t, ${this.groupKey()} as key,
      count, errors, cost_sum::float8 as cost, input_tokens::float8 as "inputTokens", output_tokens::float8 as "outputTokens",
      thumbs_up as "thumbsUp", thumbs_down as "thumbsDown", flagged_pii as "flaggedPii", flagged_injection as "flaggedInjection",
      flagged_uncertainty as "flaggedUncertainty", latency_buckets::text as "latencyBuckets", latency_counts::text as "latencyCounts",
      ttft_buckets::text as "ttftBuckets", ttft_counts::text as "ttftCounts"
      from ${this.source.table} where ${this.rollupWhere()}`;
  }

  rollupSketches(): string {
    const one = (which: string) => `select t, key, '${which}' as which, b, sum(c)::int as c from (
        select ${this.bucket(this.timeColumn)} as t, ${this.groupKey()} as key, unnest(${which}_buckets) as b, unnest(${which}_counts) as c
        from ${this.source.table} where ${this.rollupWhere()}) x group by 1, 2, 3, 4`;
    return `${one("latency")} union all ${one("ttft")}`;
  }

  private spanWhere(alias = "") {
    const q = this.q;
    const a = alias ? `${alias}.` : "";
    const parts = [`${a}project_id = ${this.param(this.projectId)}`, `${a}kind = 'llm'`, `${a}start_time >= ${this.param(q.from)}`, `${a}start_time < ${this.param(q.to)}`];
    const eq = (col: string, v: unknown) => parts.push(`${a}${col} = ${this.param(v)}`);
    if (q.environment !== undefined) eq("environment", q.environment);
    if (q.model !== undefined) eq("model", q.model);
    if (q.provider !== undefined) eq("provider", q.provider);
    if (q.promptName !== undefined) eq("prompt_name", q.promptName);
    if (q.promptVersion !== undefined) eq("prompt_version", q.promptVersion);
    if (q.release !== undefined) eq("release", q.release);
    if (q.userId !== undefined) eq("user_id", q.userId);
    if (q.tags?.length) parts.push(`${a}tags @> ${this.param(q.tags)}::text[]`);
    return parts.join(" and ");
  }

  spanSums(): string {
    return `select ${this.bucket("start_time")} as t, ${this.groupKey()} as key,
      count(*)::int as count, (count(*) filter (where level = 'ERROR'))::int as errors, coalesce(sum(total_cost), 0)::float8 as cost,
      coalesce(sum(input_tokens), 0)::float8 as "inputTokens", coalesce(sum(output_tokens), 0)::float8 as "outputTokens",
      0 as "thumbsUp", 0 as "thumbsDown", (count(*) filter (where 'pii' = any(flags)))::int as "flaggedPii",
      (count(*) filter (where 'injection' = any(flags)))::int as "flaggedInjection", (count(*) filter (where 'uncertainty' = any(flags)))::int as "flaggedUncertainty"
      from spans where ${this.spanWhere()} group by 1, 2`;
  }

  spanSketches(): string {
    const one = (which: string, column: string) => `select ${this.bucket("start_time")} as t, ${this.groupKey()} as key, '${which}' as which,
        ${SKETCH_SQL_INDEX(column)} as b, count(*)::int as c from spans where ${this.spanWhere()} and ${column} is not null group by 1, 2, 3, 4`;
    return `${one("latency", "latency_ms")} union all ${one("ttft", "ttft_ms")}`;
  }

  /** Thumbs for the spans path: feedback is per trace, so only trace-level filters apply. */
  spanFeedback(): string {
    const q = this.q;
    const parts = [`s.project_id = ${this.param(this.projectId)}`, `s.name = 'user_feedback'`, `s.created_at >= ${this.param(q.from)}`, `s.created_at < ${this.param(q.to)}`];
    if (q.userId !== undefined) parts.push(`tr.user_id = ${this.param(q.userId)}`);
    if (q.release !== undefined) parts.push(`tr.release = ${this.param(q.release)}`);
    if (q.environment !== undefined) parts.push(`tr.environment = ${this.param(q.environment)}`);
    if (q.tags?.length) parts.push(`tr.tags @> ${this.param(q.tags)}::text[]`);
    return `select ${this.bucket("s.created_at")} as t, '' as key, 0 as count, 0 as errors, 0::float8 as cost, 0::float8 as "inputTokens", 0::float8 as "outputTokens",
      (count(*) filter (where s.number_value = 1))::int as "thumbsUp", (count(*) filter (where s.number_value = 0))::int as "thumbsDown",
      0 as "flaggedPii", 0 as "flaggedInjection", 0 as "flaggedUncertainty"
      from scores s join traces tr on tr.project_id = s.project_id and tr.id = s.trace_id where ${parts.join(" and ")} group by 1, 2`;
  }
}
