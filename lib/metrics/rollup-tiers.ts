import { db } from "../db";

/** Rollup tiers (seconds), coarsest first; metric_minutes is the finest level below them. */
export const TIERS = [3600, 900] as const;
export type Tier = (typeof TIERS)[number];

/** Grain bits: which rollup dimensions a metric_rollups row keeps. */
export const GRAIN = { model: 1, environment: 2, prompt: 4 } as const;

export const ROLLUP_JOB = "metric_rollups";
// An ingest transaction that began before a run may commit after it with an older
// updated_at: each run looks back this far, and reads trust tiers only this far behind.
const COMMIT_MARGIN_MS = 5 * 60_000;

const GROUPING_SETS = `grouping sets ((model, environment, prompt_name, prompt_version), (model, environment), (model, prompt_name, prompt_version),
  (environment, prompt_name, prompt_version), (model), (environment), (prompt_name, prompt_version), ())`;
const GRAIN_SQL = `((case when grouping(model) = 0 then ${GRAIN.model} else 0 end)
  | (case when grouping(environment) = 0 then ${GRAIN.environment} else 0 end)
  | (case when grouping(prompt_name) = 0 then ${GRAIN.prompt} else 0 end))`;
const DIMS_SQL = `coalesce(model, '') as model, coalesce(environment, '') as environment, coalesce(prompt_name, '') as prompt_name, coalesce(prompt_version, 0) as prompt_version`;

/**
 * Every hour whose minute rows changed since the last run, rebuilt at both tiers and all
 * eight grains in one set-based statement: sums with GROUPING SETS, and sketches by adding
 * bucket counts under the same grouping sets.
 */
const REBUILD_SQL = `
with dirty as (
  select distinct project_id, date_trunc('hour', minute) as hour from metric_minutes where updated_at >= $1::timestamptz - interval '5 minutes'
),
src as (
  select m.*, v.tier, v.start
  from metric_minutes m
  join dirty d on d.project_id = m.project_id and m.minute >= d.hour and m.minute < d.hour + interval '1 hour'
  cross join lateral (values (900, date_bin('15 minutes', m.minute, timestamptz '2000-01-01 00:00:00+00')), (3600, d.hour)) as v(tier, start)
),
sums as (
  select project_id, tier, start, ${GRAIN_SQL} as grain, ${DIMS_SQL},
    sum(count)::int as count, sum(errors)::int as errors, sum(latency_sum_ms) as latency_sum_ms, sum(ttft_count)::int as ttft_count,
    sum(ttft_sum_ms) as ttft_sum_ms, sum(cost_sum) as cost_sum, sum(input_tokens)::bigint as input_tokens, sum(output_tokens)::bigint as output_tokens,
    sum(thumbs_up)::int as thumbs_up, sum(thumbs_down)::int as thumbs_down, sum(flagged_pii)::int as flagged_pii,
    sum(flagged_injection)::int as flagged_injection, sum(flagged_uncertainty)::int as flagged_uncertainty
  from src group by project_id, tier, start, ${GROUPING_SETS}
),
pairs as (
  select project_id, tier, start, model, environment, prompt_name, prompt_version, 0 as which, u.b, u.c
  from src, unnest(latency_buckets, latency_counts) as u(b, c)
  union all
  select project_id, tier, start, model, environment, prompt_name, prompt_version, 1 as which, u.b, u.c
  from src, unnest(ttft_buckets, ttft_counts) as u(b, c)
),
bucket_counts as (
  select project_id, tier, start, which, b, ${GRAIN_SQL} as grain, ${DIMS_SQL}, sum(c)::int as c
  from pairs group by project_id, tier, start, which, b, ${GROUPING_SETS}
),
sketches as (
  select project_id, tier, start, grain, model, environment, prompt_name, prompt_version,
    array_agg(b order by b) filter (where which = 0) as latency_buckets, array_agg(c order by b) filter (where which = 0) as latency_counts,
    array_agg(b order by b) filter (where which = 1) as ttft_buckets, array_agg(c order by b) filter (where which = 1) as ttft_counts
  from bucket_counts group by 1, 2, 3, 4, 5, 6, 7, 8
)
insert into metric_rollups (project_id, tier, start, grain, model, environment, prompt_name, prompt_version, count, errors, latency_sum_ms,
  ttft_count, ttft_sum_ms, cost_sum, input_tokens, output_tokens, thumbs_up, thumbs_down, flagged_pii, flagged_injection,
  flagged_uncertainty, latency_buckets, latency_counts, ttft_buckets, ttft_counts)
select s.*, coalesce(k.latency_buckets, '{}'), coalesce(k.latency_counts, '{}'), coalesce(k.ttft_buckets, '{}'), coalesce(k.ttft_counts, '{}')
from sums s left join sketches k using (project_id, tier, start, grain, model, environment, prompt_name, prompt_version)`;

/**
 * Recomputes the tiers of every hour whose minute rows changed since the last run (late
 * data included) and moves the watermark to this run's start. Hours are replaced, not added
 * to, so a rerun is harmless. Runs in the worker every few minutes; an advisory lock keeps
 * two workers from doing it at once.
 */
export async function rollupTiers(): Promise<{ rows: number; watermark: Date }> {
  return db.$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<{ ok: boolean }[]>`select pg_try_advisory_xact_lock(hashtext('pharos:rollup-tiers')) as ok`;
      const [{ now }] = (await tx.$queryRaw<{ now: Date }[]>`select now() as now`) as [{ now: Date }];
      if (!lock?.ok) return { rows: 0, watermark: now };
      const state = await tx.jobWatermark.findUnique({ where: { name: ROLLUP_JOB } });
      const since = state?.watermark ?? new Date(0);
      await tx.$executeRawUnsafe(
        `delete from metric_rollups r using (
           select distinct project_id, date_trunc('hour', minute) as hour from metric_minutes where updated_at >= $1::timestamptz - interval '5 minutes'
         ) d where r.project_id = d.project_id and r.start >= d.hour and r.start < d.hour + interval '1 hour'`,
        since,
      );
      const rows = await tx.$executeRawUnsafe(REBUILD_SQL, since);
      await tx.jobWatermark.upsert({ where: { name: ROLLUP_JOB }, create: { name: ROLLUP_JOB, watermark: now }, update: { watermark: now } });
      return { rows, watermark: now };
    },
    { timeout: 600_000 },
  );
}

/** Tier buckets strictly before this instant are complete in metric_rollups (as of the last run). */
export async function rollupCutoff(): Promise<Date | null> {
  const state = await db.jobWatermark.findUnique({ where: { name: ROLLUP_JOB } });
  if (!state) return null;
  return new Date(state.watermark.getTime() - COMMIT_MARGIN_MS);
}

/** The grain a query needs: the dimensions it filters or groups by. */
export function grainFor(q: { model?: string; environment?: string; promptName?: string; promptVersion?: number; groupBy?: string }): number {
  let grain = 0;
  if (q.model !== undefined || q.groupBy === "model") grain |= GRAIN.model;
  if (q.environment !== undefined || q.groupBy === "environment") grain |= GRAIN.environment;
  if (q.promptName !== undefined || q.promptVersion !== undefined || q.groupBy === "promptVersion") grain |= GRAIN.prompt;
  return grain;
}
