import { db } from "../db";

/** Rollup tiers (seconds), coarsest first; metric_minutes is the finest level below them. */
export const TIERS = [86_400, 3600, 900] as const;
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

const DIRTY_HOURS = `select distinct project_id, date_trunc('hour', minute) as hour from metric_minutes where updated_at >= $1::timestamptz - interval '5 minutes'`;

const SUM_COLUMNS = `sum(count)::int as count, sum(errors)::int as errors, sum(latency_sum_ms) as latency_sum_ms, sum(ttft_count)::int as ttft_count,
    sum(ttft_sum_ms) as ttft_sum_ms, sum(cost_sum) as cost_sum, sum(input_tokens)::bigint as input_tokens, sum(output_tokens)::bigint as output_tokens,
    sum(thumbs_up)::int as thumbs_up, sum(thumbs_down)::int as thumbs_down, sum(flagged_pii)::int as flagged_pii,
    sum(flagged_injection)::int as flagged_injection, sum(flagged_uncertainty)::int as flagged_uncertainty`;

const INSERT_COLUMNS = `project_id, tier, start, grain, model, environment, prompt_name, prompt_version, count, errors, latency_sum_ms,
  ttft_count, ttft_sum_ms, cost_sum, input_tokens, output_tokens, thumbs_up, thumbs_down, flagged_pii, flagged_injection,
  flagged_uncertainty, latency_buckets, latency_counts, ttft_buckets, ttft_counts`;

/** Sparse sketches per key from (key…, which, b, c) rows: which 0 = latency, 1 = TTFT. */
const SKETCHES = (from: string, keys: string) => `
  select ${keys},
    array_agg(b order by b) filter (where which = 0) as latency_buckets, array_agg(c order by b) filter (where which = 0) as latency_counts,
    array_agg(b order by b) filter (where which = 1) as ttft_buckets, array_agg(c order by b) filter (where which = 1) as ttft_counts
  from ${from} group by ${keys}`;

const PAIRS = (from: string, keys: string) => `
  select ${keys}, 0 as which, u.b, u.c from ${from}, unnest(latency_buckets, latency_counts) as u(b, c)
  union all
  select ${keys}, 1 as which, u.b, u.c from ${from}, unnest(ttft_buckets, ttft_counts) as u(b, c)`;

const KEYS = "project_id, tier, start, grain, model, environment, prompt_name, prompt_version";

/**
 * Step 1: the 15-minute tier of every dirty hour from metric_minutes, at all eight grains:
 * sums with GROUPING SETS, sketches by adding bucket counts under the same grouping sets.
 */
const QUARTERS_SQL = `
with src as (
  select m.*, 900 as tier, date_bin('15 minutes', m.minute, timestamptz '2000-01-01 00:00:00+00') as start
  from metric_minutes m join (${DIRTY_HOURS}) d on d.project_id = m.project_id and m.minute >= d.hour and m.minute < d.hour + interval '1 hour'
),
sums as (
  select project_id, tier, start, ${GRAIN_SQL} as grain, ${DIMS_SQL}, ${SUM_COLUMNS}
  from src group by project_id, tier, start, ${GROUPING_SETS}
),
pairs as (${PAIRS("src", "project_id, tier, start, model, environment, prompt_name, prompt_version")}),
bucket_counts as (
  select project_id, tier, start, which, b, ${GRAIN_SQL} as grain, ${DIMS_SQL}, sum(c)::int as c
  from pairs group by project_id, tier, start, which, b, ${GROUPING_SETS}
),
sketches as (${SKETCHES("bucket_counts", KEYS)})
insert into metric_rollups (${INSERT_COLUMNS})
select s.*, coalesce(k.latency_buckets, '{}'), coalesce(k.latency_counts, '{}'), coalesce(k.ttft_buckets, '{}'), coalesce(k.ttft_counts, '{}')
from sums s left join sketches k using (${KEYS})`;

/**
 * Steps 2 and 3: a coarser tier from the finer one just written — hours from their four
 * quarters, (UTC) days from their 24 hours — per grain and key.
 */
const COARSER_SQL = (tier: number, finer: number, unit: "hour" | "day") => `
with src as (
  select f.*, date_trunc('${unit}', f.start, 'UTC') as bucket
  from metric_rollups f
  join (select distinct project_id, date_trunc('${unit}', hour, 'UTC') as bucket from (${DIRTY_HOURS}) h) d
    on d.project_id = f.project_id and f.tier = ${finer} and f.start >= d.bucket and f.start < d.bucket + interval '1 ${unit}'
),
sums as (
  select project_id, ${tier} as tier, bucket as start, grain, model, environment, prompt_name, prompt_version, ${SUM_COLUMNS}
  from src group by project_id, bucket, grain, model, environment, prompt_name, prompt_version
),
pairs as (${PAIRS("src", `project_id, ${tier} as tier, bucket as start, grain, model, environment, prompt_name, prompt_version`)}),
bucket_counts as (select ${KEYS}, which, b, sum(c)::int as c from pairs group by ${KEYS}, which, b),
sketches as (${SKETCHES("bucket_counts", KEYS)})
insert into metric_rollups (${INSERT_COLUMNS})
select s.*, coalesce(k.latency_buckets, '{}'), coalesce(k.latency_counts, '{}'), coalesce(k.ttft_buckets, '{}'), coalesce(k.ttft_counts, '{}')
from sums s left join sketches k using (${KEYS})`;

/**
 * Recomputes the tiers of every hour whose minute rows changed since the last run (late
 * data included) and moves the watermark to this run's start. Hours are replaced, not added
 * to, so a rerun is harmless. Runs in the worker every few minutes; an advisory lock keeps
 * two workers from doing it at once.
 */
export async function rollupTiers(options: { waitForLock?: boolean } = {}): Promise<{ rows: number; watermark: Date }> {
  return db.$transaction(
    async (tx) => {
      // Workers skip a run another worker is doing; callers that need the result (tests, benchmarks) wait for it.
      const [lock] = options.waitForLock
        ? await tx.$queryRaw<{ ok: boolean }[]>`select true as ok from (select pg_advisory_xact_lock(hashtext('pharos:rollup-tiers'))) l`
        : await tx.$queryRaw<{ ok: boolean }[]>`select pg_try_advisory_xact_lock(hashtext('pharos:rollup-tiers')) as ok`;
      const [{ now }] = (await tx.$queryRaw<{ now: Date }[]>`select now() as now`) as [{ now: Date }];
      if (!lock?.ok) return { rows: 0, watermark: now };
      const state = await tx.jobWatermark.findUnique({ where: { name: ROLLUP_JOB } });
      const since = state?.watermark ?? new Date(0);
      await tx.$executeRawUnsafe(
        `delete from metric_rollups r using (${DIRTY_HOURS}) d
         where r.project_id = d.project_id and r.tier < 86400 and r.start >= d.hour and r.start < d.hour + interval '1 hour'`,
        since,
      );
      await tx.$executeRawUnsafe(
        `delete from metric_rollups r using (select distinct project_id, date_trunc('day', hour, 'UTC') as day from (${DIRTY_HOURS}) h) d
         where r.project_id = d.project_id and r.tier = 86400 and r.start = d.day`,
        since,
      );
      const rows = (await tx.$executeRawUnsafe(QUARTERS_SQL, since))
        + (await tx.$executeRawUnsafe(COARSER_SQL(3600, 900, "hour"), since))
        + (await tx.$executeRawUnsafe(COARSER_SQL(86_400, 3600, "day"), since));
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
