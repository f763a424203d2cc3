import { db } from "../db";
import type { GuardrailCounts, GuardrailStats } from "../queries/metrics/keys";
import { BUCKET_MS, type Bucket } from "../schemas/metrics";

type Row = { calls: number; blocked: number; masked: number };
const withRates = (r: Row): GuardrailCounts => ({
  calls: r.calls, blocked: r.blocked, masked: r.masked,
  blockRate: r.calls ? r.blocked / r.calls : null, maskRate: r.calls ? r.masked / r.calls : null,
});

/**
 * Guardrail spans over a range for the overview: calls, blocks and masks in total, per bucket,
 * per policy and side, and findings by type. Reads spans through spans_guardrail_time, the
 * partial index on guardrail spans only, so LLM traffic neither slows these reads nor pays for
 * the index. Any guardrail span counts (inline guard calls, or spans an application sends with
 * metadata.verdict); its verdict is read from the flags ingest derived from it.
 */
export async function guardrailStats(options: { projectId: string; query: { from: Date; to: Date; bucket: Bucket } }): Promise<GuardrailStats> {
  const { projectId, query: q } = options;
  const seconds = BUCKET_MS[q.bucket] / 1000;
  const counts = `count(*)::int as calls, (count(*) filter (where 'guardrail_blocked' = any(flags)))::int as blocked, (count(*) filter (where 'guardrail_masked' = any(flags)))::int as masked`;
  const [totals, series, byPolicy, byType] = await Promise.all([
    db.$queryRawUnsafe<Row[]>(`select ${counts} from spans where project_id = $1 and kind = 'guardrail' and start_time >= $2 and start_time < $3`, projectId, q.from, q.to),
    db.$queryRawUnsafe<(Row & { time: Date })[]>(
      `select to_timestamp(floor(extract(epoch from start_time)::float8 / $4::float8) * $4::float8) as time, ${counts}
       from spans where project_id = $1 and kind = 'guardrail' and start_time >= $2 and start_time < $3 group by 1 order by 1`,
      projectId, q.from, q.to, seconds),
    db.$queryRawUnsafe<(Row & { policy: string | null; direction: string | null })[]>(
      `select metadata->>'policy' as policy, metadata->>'direction' as direction, ${counts}
       from spans where project_id = $1 and kind = 'guardrail' and start_time >= $2 and start_time < $3 group by 1, 2 order by 3 desc, 1, 2 limit 50`,
      projectId, q.from, q.to),
    db.$queryRawUnsafe<{ type: string; count: number }[]>(
      `select f.key as type, sum(case when jsonb_typeof(f.value) = 'number' then (f.value)::text::float8 else 0 end)::int as count
       from spans s cross join lateral jsonb_each(case when jsonb_typeof(s.metadata->'findingsByType') = 'object' then s.metadata->'findingsByType' else '{}'::jsonb end) f
       where s.project_id = $1 and s.kind = 'guardrail' and s.start_time >= $2 and s.start_time < $3 group by 1 order by 2 desc, 1 limit 50`,
      projectId, q.from, q.to),
  ]);
  return {
    totals: withRates(totals[0] ?? { calls: 0, blocked: 0, masked: 0 }),
    series: series.map((r) => ({ time: r.time.toISOString(), ...withRates(r) })),
    byPolicy: byPolicy.map((r) => ({ policy: r.policy ?? "(none)", direction: r.direction ?? "(none)", ...withRates(r) })),
    byType: byType.filter((r) => r.count > 0),
  };
}
