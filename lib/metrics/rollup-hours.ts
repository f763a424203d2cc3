import { db } from "../db";

export const HOUR_ROLLUP = "metric_hours";
// An ingest transaction that began before a run may commit after it with an older
// updated_at: each run looks back this far, and reads trust hours only this far behind.
const COMMIT_MARGIN_MS = 5 * 60_000;

/** Sparse sketch of one hour: bucket counts of its minutes, added per bucket. */
const hourSketch = (which: string) => `(
  select coalesce(array_agg(b order by b), '{}'), coalesce(array_agg(c order by b), '{}') from (
    select b, sum(c)::int as c from metric_minutes m2, unnest(m2.${which}_buckets, m2.${which}_counts) as u(b, c)
    where m2.project_id = g.project_id and m2.minute >= g.hour and m2.minute < g.hour + interval '1 hour'
      and m2.model = g.model and m2.environment = g.environment and m2.prompt_name = g.prompt_name and m2.prompt_version = g.prompt_version
    group by b) s)`;

/**
 * Recomputes every hour whose minute rows changed since the last run (late data included)
 * and moves the watermark to this run's start. Hours are replaced, not added to, so a
 * rerun is harmless. Runs in the worker every few minutes; an advisory lock keeps two
 * workers from doing it at once.
 */
export async function rollupHours(): Promise<{ hours: number; watermark: Date }> {
  return db.$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<{ ok: boolean }[]>`select pg_try_advisory_xact_lock(hashtext('pharos:rollup-hours')) as ok`;
      const [{ now }] = (await tx.$queryRaw<{ now: Date }[]>`select now() as now`) as [{ now: Date }];
      if (!lock?.ok) return { hours: 0, watermark: now };
      const state = await tx.jobWatermark.findUnique({ where: { name: HOUR_ROLLUP } });
      const since = state?.watermark ?? new Date(0);
      const hours = await tx.$executeRawUnsafe(
        `with dirty as (
           select distinct project_id, date_trunc('hour', minute) as hour from metric_minutes where updated_at >= $1::timestamptz - interval '5 minutes'
         ),
         g as (
           select m.project_id, date_trunc('hour', m.minute) as hour, m.model, m.environment, m.prompt_name, m.prompt_version,
             sum(count)::int as count, sum(errors)::int as errors, sum(latency_sum_ms) as latency_sum_ms, sum(ttft_count)::int as ttft_count,
             sum(ttft_sum_ms) as ttft_sum_ms, sum(cost_sum) as cost_sum, sum(input_tokens)::bigint as input_tokens, sum(output_tokens)::bigint as output_tokens,
             sum(thumbs_up)::int as thumbs_up, sum(thumbs_down)::int as thumbs_down, sum(flagged_pii)::int as flagged_pii,
             sum(flagged_injection)::int as flagged_injection, sum(flagged_uncertainty)::int as flagged_uncertainty
           from metric_minutes m join dirty d on d.project_id = m.project_id and date_trunc('hour', m.minute) = d.hour
           group by 1, 2, 3, 4, 5, 6
         )
         insert into metric_hours as h (project_id, hour, model, environment, prompt_name, prompt_version, count, errors, latency_sum_ms,
           ttft_count, ttft_sum_ms, cost_sum, input_tokens, output_tokens, thumbs_up, thumbs_down, flagged_pii, flagged_injection,
           flagged_uncertainty, latency_buckets, latency_counts, ttft_buckets, ttft_counts)
         select g.*, l.*, t.* from g, lateral ${hourSketch("latency")} as l(buckets, counts), lateral ${hourSketch("ttft")} as t(buckets, counts)
         order by 1, 2, 3, 4, 5, 6
         on conflict (project_id, hour, model, environment, prompt_name, prompt_version) do update set
           count = excluded.count, errors = excluded.errors, latency_sum_ms = excluded.latency_sum_ms, ttft_count = excluded.ttft_count,
           ttft_sum_ms = excluded.ttft_sum_ms, cost_sum = excluded.cost_sum, input_tokens = excluded.input_tokens, output_tokens = excluded.output_tokens,
           thumbs_up = excluded.thumbs_up, thumbs_down = excluded.thumbs_down, flagged_pii = excluded.flagged_pii,
           flagged_injection = excluded.flagged_injection, flagged_uncertainty = excluded.flagged_uncertainty,
           latency_buckets = excluded.latency_buckets, latency_counts = excluded.latency_counts,
           ttft_buckets = excluded.ttft_buckets, ttft_counts = excluded.ttft_counts`,
        since,
      );
      await tx.jobWatermark.upsert({ where: { name: HOUR_ROLLUP }, create: { name: HOUR_ROLLUP, watermark: now }, update: { watermark: now } });
      return { hours, watermark: now };
    },
    { timeout: 120_000 },
  );
}

/** Hours strictly before this instant are complete in metric_hours (as of the last run). */
export async function hourRollupCutoff(): Promise<Date | null> {
  const state = await db.jobWatermark.findUnique({ where: { name: HOUR_ROLLUP } });
  if (!state) return null;
  const cutoff = new Date(state.watermark.getTime() - COMMIT_MARGIN_MS);
  cutoff.setUTCMinutes(0, 0, 0);
  return cutoff;
}
