import type { ScoreRow } from "../rows";

/**
 * Scores are append-only by client id. Thumbs feedback (`user_feedback`, 1 = up, 0 = down)
 * is also counted into the minute rollup, under the trace's environment, prompt and model
 * (the first of its models, sorted, when a trace used several; '' before its spans arrive).
 */
export const INSERT_SCORES_SQL = `
with inserted as (
  insert into scores (project_id, id, trace_id, span_id, name, number_value, string_value, data_type, source, comment, created_at)
  select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::text[], $8::text[], $9::text[], $10::text[], $11::timestamptz[])
  order by 1, 2
  on conflict do nothing
  returning project_id, trace_id, name, number_value, created_at
),
feedback as (
  select i.project_id, date_trunc('minute', i.created_at) as minute, coalesce(t.models[1], '') as model, coalesce(t.environment, '') as environment,
    coalesce(t.prompt_name, '') as prompt_name, coalesce(t.prompt_version, 0) as prompt_version,
    (count(*) filter (where i.number_value = 1))::int as up, (count(*) filter (where i.number_value = 0))::int as down
  from inserted i left join traces t on t.project_id = i.project_id and t.id = i.trace_id
  where i.name = 'user_feedback'
  group by 1, 2, 3, 4, 5, 6
),
rollup as (
  insert into metric_minutes as m (project_id, minute, model, environment, prompt_name, prompt_version, thumbs_up, thumbs_down)
  select * from feedback order by 1, 2, 3, 4, 5, 6
  on conflict (project_id, minute, model, environment, prompt_name, prompt_version) do update set
    thumbs_up = m.thumbs_up + excluded.thumbs_up, thumbs_down = m.thumbs_down + excluded.thumbs_down, updated_at = now()
  returning 1
)
select (select count(*) from inserted)::int as inserted`;

export function insertScoresParams(rows: readonly ScoreRow[]): unknown[][] {
  return [
    rows.map((r) => r.projectId), rows.map((r) => r.id), rows.map((r) => r.traceId), rows.map((r) => r.spanId), rows.map((r) => r.name),
    rows.map((r) => r.numberValue), rows.map((r) => r.stringValue), rows.map((r) => r.dataType), rows.map((r) => r.source),
    rows.map((r) => r.comment), rows.map((r) => r.createdAt),
  ];
}
