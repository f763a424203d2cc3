import { DEFAULT_TRIAGE_RULES } from "../../triage/rules";
import type { WriteBatch } from "../rows";

/**
 * Failure-inbox rules for the traces one batch touched (lib/triage/rules.ts; matchingReasons
 * there is the reference for the same logic). Runs in the ingest transaction after spans and
 * scores are written, so it sees the updated trace summaries and the new feedback.
 *
 * Set-based and bounded by the batch: the touched traces are found by primary key, their
 * scores through (project_id, trace_id), each project's rules once. The stored rules are read
 * here rather than from the settings cache so a change applies to the very next batch in every
 * process. Stored keys override the defaults ($3) only when their JSON type matches the default's
 * (as effectiveTriageRules does in TS), and nested values are read through jsonb comparisons and
 * guarded casts, so a malformed stored value can never fail an ingest transaction.
 *
 * One item per trace with all its reasons; an existing item gains reasons it lacked and keeps
 * its status and assignee (the semantics of lib/triage/send-flagged-traces-to-inbox.ts). An item whose reasons
 * already cover the match is not rewritten, so re-sent batches change nothing.
 */
export const APPLY_TRIAGE_RULES_SQL = `
with touched as materialized (
  select distinct project_id, trace_id from unnest($1::text[], $2::text[]) as u(project_id, trace_id)
),
-- Once per project (materialized: inlined, the merge would be re-evaluated per trace and rule).
rules as materialized (
  select p.project_id, $3::jsonb || coalesce((
      select jsonb_object_agg(k, v) from jsonb_each(case when jsonb_typeof(s.triage_rules) = 'object' then s.triage_rules end) as e(k, v)
      where jsonb_typeof(v) = jsonb_typeof($3::jsonb -> k)
    ), '{}'::jsonb) as r
  from (select distinct project_id from touched) p
  left join project_settings s on s.project_id = p.project_id
),
-- Score lookups join the touched traces to scores(project_id, trace_id), never scanning by name.
thumbs_down as materialized (
  select distinct s.project_id, s.trace_id
  from touched u join rules r on r.project_id = u.project_id and r.r->'thumbsDown' = 'true'::jsonb
  join scores s on s.project_id = u.project_id and s.trace_id = u.trace_id
  where s.name = 'user_feedback' and s.number_value = 0
),
low_score as materialized (
  select distinct s.project_id, s.trace_id
  from touched u join rules r on r.project_id = u.project_id
  cross join lateral jsonb_array_elements(case when jsonb_typeof(r.r->'lowScores') = 'array' then r.r->'lowScores' else '[]'::jsonb end) th
  join scores s on s.project_id = u.project_id and s.trace_id = u.trace_id and s.name = th->>'scoreName'
  where s.number_value < case when jsonb_typeof(th->'below') = 'number' then (th->>'below')::float8 end
),
-- "Faithfulness below T": a score named faithfulness, or written by the faithfulness evaluator (scores.details).
unfaithful as materialized (
  select distinct s.project_id, s.trace_id
  from touched u join rules r on r.project_id = u.project_id and r.r->'faithfulness'->'enabled' = 'true'::jsonb
  join scores s on s.project_id = u.project_id and s.trace_id = u.trace_id
  where (s.name = 'faithfulness' or s.details->>'evaluator' = 'faithfulness')
    and s.number_value < case when jsonb_typeof(r.r->'faithfulness'->'below') = 'number' then (r.r->'faithfulness'->>'below')::float8 end
),
matched as (
  select t.project_id, t.id as trace_id, array_remove(array[
    case when r.r->'error' = 'true'::jsonb and (t.error_count > 0 or 'error' = any(t.flags)) then 'error' end,
    case when td.trace_id is not null then 'thumbs_down' end,
    case when ls.trace_id is not null then 'low_score' end,
    case when uf.trace_id is not null then 'unfaithful' end,
    case when r.r->'slow'->'enabled' = 'true'::jsonb
      and extract(epoch from t.end_time - t.start_time) * 1000
        > case when jsonb_typeof(r.r->'slow'->'aboveMs') = 'number' then (r.r->'slow'->>'aboveMs')::float8 end
      then 'slow' end,
    case when r.r->'pii' = 'true'::jsonb and 'pii' = any(t.flags) then 'pii' end,
    case when r.r->'injection' = 'true'::jsonb and 'injection' = any(t.flags) then 'injection' end,
    case when r.r->'uncertainty' = 'true'::jsonb and 'uncertainty' = any(t.flags) then 'uncertainty' end,
    case when r.r->'guardrailBlocked' = 'true'::jsonb and 'guardrail_blocked' = any(t.flags) then 'guardrail_blocked' end
  ], null) as reasons
  from touched u
  join traces t on t.project_id = u.project_id and t.id = u.trace_id
  join rules r on r.project_id = u.project_id
  left join thumbs_down td on td.project_id = u.project_id and td.trace_id = u.trace_id
  left join low_score ls on ls.project_id = u.project_id and ls.trace_id = u.trace_id
  left join unfaithful uf on uf.project_id = u.project_id and uf.trace_id = u.trace_id
),
upserted as (
  insert into triage_items as i (project_id, id, trace_id, reasons)
  select project_id, gen_random_uuid()::text, trace_id, reasons from matched
  where cardinality(reasons) > 0
  order by project_id, trace_id
  on conflict (project_id, trace_id) do update set
    reasons = array(select distinct unnest(i.reasons || excluded.reasons) order by 1),
    updated_at = now()
  where not (excluded.reasons <@ i.reasons)
  returning 1
)
select count(*)::int as items from upserted`;

/** The (project, trace) pairs a batch touched through its spans and scores, once each. */
export function applyTriageRulesParams(batch: Pick<WriteBatch, "spans" | "scores">): [string[], string[], string] | null {
  const seen = new Set<string>();
  const projects: string[] = [];
  const traces: string[] = [];
  for (const row of [...batch.spans, ...batch.scores]) {
    const key = `${row.projectId}\u0000${row.traceId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    projects.push(row.projectId);
    traces.push(row.traceId);
  }
  return projects.length ? [projects, traces, JSON.stringify(DEFAULT_TRIAGE_RULES)] : null;
}
