import { SKETCH_SQL_INDEX } from "../../metrics/latency-sketch";
import { jsonText as json } from "../../json";
import { SEARCH_TEXT_SQL, SEARCH_TEXT_UPSERT_SQL } from "./search-text";
import type { SpanRow } from "../rows";

/**
 * One statement per batch: insert spans with UNNEST (duplicates by client id are skipped,
 * so retries store nothing twice), then fold only the rows actually inserted into the
 * trace summaries and the per-minute rollups. Data-modifying CTEs share one snapshot,
 * and rows are grouped per key so no upsert touches a row twice.
 *
 * `spans` is partitioned by day of start_time, so its primary key is (project_id, trace_id, id,
 * start_time): a retry resends the same span with the same start time and conflicts as before.
 * A span whose start time the server assigned (no startTime, no event timestamp) gets a later
 * one on retry, so it is skipped when the same id is already stored with a start time up to
 * ASSIGNED_RETRY_WINDOW earlier (a probe of one or two daily partitions, only for such spans).
 */
type Column = readonly [name: string, type: string, value: (r: SpanRow) => unknown];

/** Each column with its SQL type and how a row fills it: the statement and its parameters come from this one list. */
const COLUMNS: readonly Column[] = [
  ["project_id", "text", (r) => r.projectId], ["trace_id", "text", (r) => r.traceId], ["id", "text", (r) => r.id],
  ["parent_id", "text", (r) => r.parentId], ["kind", "text", (r) => r.kind], ["name", "text", (r) => r.name],
  ["start_time", "timestamptz", (r) => r.startTime], ["end_time", "timestamptz", (r) => r.endTime],
  ["latency_ms", "float8", (r) => r.latencyMs], ["ttft_ms", "float8", (r) => r.ttftMs],
  ["model", "text", (r) => r.model], ["provider", "text", (r) => r.provider],
  ["input", "text", (r) => json(r.input)], ["output", "text", (r) => json(r.output)], ["model_parameters", "text", (r) => json(r.modelParameters)],
  ["input_tokens", "int", (r) => r.usage.inputTokens], ["output_tokens", "int", (r) => r.usage.outputTokens],
  ["cached_input_tokens", "int", (r) => r.usage.cachedInputTokens], ["reasoning_tokens", "int", (r) => r.usage.reasoningTokens],
  ["total_tokens", "int", (r) => r.usage.totalTokens],
  ["input_cost", "numeric", (r) => r.inputCost], ["output_cost", "numeric", (r) => r.outputCost], ["total_cost", "numeric", (r) => r.totalCost],
  ["cost_estimated", "bool", (r) => r.costEstimated], ["price_source", "text", (r) => r.priceSource],
  ["level", "text", (r) => r.level], ["status_message", "text", (r) => r.statusMessage], ["user_id", "text", (r) => r.userId],
  ["session_id", "text", (r) => r.sessionId], ["environment", "text", (r) => r.environment], ["release", "text", (r) => r.release],
  ["prompt_name", "text", (r) => r.promptName], ["prompt_version", "int", (r) => r.promptVersion],
  ["tags", "text", (r) => JSON.stringify(r.tags)], ["metadata", "text", (r) => json(r.metadata)], ["flags", "text", (r) => JSON.stringify(r.flags)],
  ["pii_masks", "int", (r) => r.piiMasks], ["trace_name", "text", (r) => r.traceName],
];

const JSON_COLUMNS = new Set(["input", "output", "model_parameters", "metadata"]);
const ARRAY_COLUMNS = new Set(["tags", "flags"]);

/** How long after the first attempt a retry of a span with a server-assigned start time is still recognised. */
const ASSIGNED_RETRY_WINDOW = "1 day";

const names = COLUMNS.map(([n]) => n);
// One more array after the columns: whether the server assigned the span's start time.
const unnestArgs = [...COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`), `$${COLUMNS.length + 1}::bool[]`].join(", ");
const insertSelect = names
  .map((n) => (JSON_COLUMNS.has(n) ? `${n}::jsonb` : ARRAY_COLUMNS.has(n) ? `array(select jsonb_array_elements_text(${n}::jsonb))` : n))
  .join(", ");

/** Sparse (bucket, count) arrays per rollup key from the inserted LLM spans. */
const histogramCte = (bucket: string) => `
  select project_id, minute, model, environment, prompt_name, prompt_version,
    array_agg(b order by b) as buckets, array_agg(c order by b) as counts
  from (select project_id, minute, model, environment, prompt_name, prompt_version, ${bucket} b, count(*)::int c
        from llm where ${bucket} is not null group by 1, 2, 3, 4, 5, 6, 7) g
  group by 1, 2, 3, 4, 5, 6`;

/** Merges a stored sparse sketch with the incoming one by adding counts per bucket. */
const mergeSketch = (buckets: string, counts: string) => `(${buckets}, ${counts}) = (
      select coalesce(array_agg(b order by b), '{}'), coalesce(array_agg(c order by b), '{}')
      from (select b, sum(c)::int as c from (
        select unnest(m.${buckets}) as b, unnest(m.${counts}) as c
        union all select unnest(excluded.${buckets}), unnest(excluded.${counts})) u group by b) g)`;

export const INSERT_SPANS_SQL = `
with input as (
  select * from unnest(${unnestArgs}) as t(${names.join(", ")}, start_assigned)
),
inserted as (
  insert into spans (${names.join(", ")})
  select ${insertSelect} from input
  where case when start_assigned then not exists (
    select 1 from spans s where s.project_id = input.project_id and s.trace_id = input.trace_id and s.id = input.id
      and s.start_time >= input.start_time - interval '${ASSIGNED_RETRY_WINDOW}' and s.start_time <= input.start_time) else true end
  order by project_id, trace_id, id
  on conflict do nothing
  returning project_id, trace_id, id, parent_id, kind, name, start_time, end_time, latency_ms, ttft_ms, model,
            input, output, input_tokens, output_tokens, total_cost, level, user_id, session_id, environment, release,
            prompt_name, prompt_version, tags, flags, trace_name
),
trace_tags as (
  select project_id, trace_id, array_agg(distinct tag) as tags from inserted, unnest(tags) tag group by 1, 2
),
trace_flags as (
  select project_id, trace_id, array_agg(distinct flag) as flags from inserted, unnest(flags) flag group by 1, 2
),
trace_models as (
  select project_id, trace_id, array_agg(distinct model) as models from inserted where model is not null group by 1, 2
),
per_trace as (
  select a.*, coalesce(tt.tags, '{}') as tags, coalesce(tf.flags, '{}') as flags, coalesce(tm.models, '{}') as models
  from (
    select project_id, trace_id,
      min(start_time) as start_time, max(end_time) as end_time,
      (array_agg(trace_name) filter (where trace_name is not null))[1] as trace_name,
      (array_agg(name order by start_time) filter (where parent_id is null))[1] as root_name,
      (array_agg(name order by start_time))[1] as first_name,
      (array_agg(input order by start_time) filter (where parent_id is null))[1] as input,
      (array_agg(output order by start_time) filter (where parent_id is null))[1] as output,
      -- Search falls back to the spans' text when the root carries none (e.g. an HTTP server span).
      (array_agg(input order by start_time) filter (where input is not null))[1] as any_input,
      (array_agg(output order by end_time desc) filter (where output is not null))[1] as any_output,
      (array_agg(user_id) filter (where user_id is not null))[1] as user_id,
      (array_agg(session_id) filter (where session_id is not null))[1] as session_id,
      (array_agg(environment) filter (where environment is not null))[1] as environment,
      (array_agg(release) filter (where release is not null))[1] as release,
      (array_agg(prompt_name) filter (where prompt_name is not null))[1] as prompt_name,
      (array_agg(prompt_version) filter (where prompt_version is not null))[1] as prompt_version,
      count(*)::int as span_count,
      (count(*) filter (where kind = 'llm'))::int as llm_count,
      (count(*) filter (where level = 'ERROR'))::int as error_count,
      coalesce(sum(input_tokens), 0)::bigint as input_tokens,
      coalesce(sum(output_tokens), 0)::bigint as output_tokens,
      coalesce(sum(total_cost), 0) as total_cost
    from inserted group by project_id, trace_id
  ) a
  left join trace_tags tt using (project_id, trace_id)
  left join trace_flags tf using (project_id, trace_id)
  left join trace_models tm using (project_id, trace_id)
),
traces_upsert as (
  insert into traces as t (project_id, id, trace_name, root_name, first_name, start_time, end_time, input, output, user_id, session_id,
    environment, release, prompt_name, prompt_version, tags, span_count, llm_count, error_count, input_tokens, output_tokens, total_cost, flags,
    models, search_text)
  select project_id, trace_id, trace_name, root_name, first_name, start_time, end_time, input, output, user_id, session_id,
    environment, release, prompt_name, prompt_version, tags, span_count, llm_count, error_count, input_tokens, output_tokens, total_cost, flags,
    models, case when coalesce(input, output) is not null then ${SEARCH_TEXT_SQL("input", "output")}
      when coalesce(any_input, any_output) is not null then ${SEARCH_TEXT_SQL("any_input", "any_output")} end
  from per_trace order by project_id, trace_id
  on conflict (project_id, id) do update set
    trace_name = coalesce(t.trace_name, excluded.trace_name),
    root_name = coalesce(t.root_name, excluded.root_name),
    first_name = case when t.first_name is null or excluded.start_time < t.start_time then excluded.first_name else t.first_name end,
    -- A trace created by a trace event alone has only the event's instant: spans replace it.
    start_time = case when t.span_count = 0 then excluded.start_time else least(t.start_time, excluded.start_time) end,
    end_time = case when t.span_count = 0 then excluded.end_time else greatest(t.end_time, excluded.end_time) end,
    input = coalesce(t.input, excluded.input),
    output = coalesce(t.output, excluded.output),
    user_id = coalesce(t.user_id, excluded.user_id),
    session_id = coalesce(t.session_id, excluded.session_id),
    environment = coalesce(t.environment, excluded.environment),
    release = coalesce(t.release, excluded.release),
    prompt_name = coalesce(t.prompt_name, excluded.prompt_name),
    prompt_version = coalesce(t.prompt_version, excluded.prompt_version),
    tags = array(select distinct unnest(t.tags || excluded.tags)),
    flags = array(select distinct unnest(t.flags || excluded.flags)),
    models = case when excluded.models <@ t.models then t.models else array(select distinct unnest(t.models || excluded.models)) end,
    span_count = t.span_count + excluded.span_count,
    llm_count = t.llm_count + excluded.llm_count,
    error_count = t.error_count + excluded.error_count,
    input_tokens = t.input_tokens + excluded.input_tokens,
    output_tokens = t.output_tokens + excluded.output_tokens,
    total_cost = t.total_cost + excluded.total_cost,
    search_text = ${SEARCH_TEXT_UPSERT_SQL},
    updated_at = now()
  returning 1
),
llm as (
  select project_id, date_trunc('minute', start_time) as minute, coalesce(model, '') as model, coalesce(environment, '') as environment,
    coalesce(prompt_name, '') as prompt_name, coalesce(prompt_version, 0) as prompt_version,
    latency_ms, ttft_ms, level, total_cost, input_tokens, output_tokens, flags,
    ${SKETCH_SQL_INDEX("latency_ms")} as latency_bucket,
    case when ttft_ms is null then null else ${SKETCH_SQL_INDEX("ttft_ms")} end as ttft_bucket
  from inserted where kind = 'llm'
),
dims as (select distinct project_id, minute, model, environment, prompt_name, prompt_version from llm),
latency_hist as (${histogramCte("latency_bucket")}),
ttft_hist as (${histogramCte("ttft_bucket")}),
per_minute as (
  select d.*, s.count, s.errors, s.latency_sum_ms, s.ttft_count, s.ttft_sum_ms, s.cost_sum, s.input_tokens, s.output_tokens,
    s.flagged_pii, s.flagged_injection, s.flagged_uncertainty,
    lh.buckets as latency_buckets, lh.counts as latency_counts,
    coalesce(th.buckets, '{}') as ttft_buckets, coalesce(th.counts, '{}') as ttft_counts
  from dims d
  join lateral (
    select count(*)::int as count, (count(*) filter (where level = 'ERROR'))::int as errors,
      sum(latency_ms) as latency_sum_ms, count(ttft_ms)::int as ttft_count, coalesce(sum(ttft_ms), 0) as ttft_sum_ms,
      coalesce(sum(total_cost), 0) as cost_sum, coalesce(sum(input_tokens), 0)::bigint as input_tokens,
      coalesce(sum(output_tokens), 0)::bigint as output_tokens,
      (count(*) filter (where 'pii' = any(flags)))::int as flagged_pii,
      (count(*) filter (where 'injection' = any(flags)))::int as flagged_injection,
      (count(*) filter (where 'uncertainty' = any(flags)))::int as flagged_uncertainty
    from llm l where (l.project_id, l.minute, l.model, l.environment, l.prompt_name, l.prompt_version) = (d.project_id, d.minute, d.model, d.environment, d.prompt_name, d.prompt_version)
  ) s on true
  join latency_hist lh using (project_id, minute, model, environment, prompt_name, prompt_version)
  left join ttft_hist th using (project_id, minute, model, environment, prompt_name, prompt_version)
),
minutes_upsert as (
  insert into metric_minutes as m (project_id, minute, model, environment, prompt_name, prompt_version, count, errors, latency_sum_ms,
    ttft_count, ttft_sum_ms, cost_sum, input_tokens, output_tokens, flagged_pii, flagged_injection, flagged_uncertainty,
    latency_buckets, latency_counts, ttft_buckets, ttft_counts)
  select project_id, minute, model, environment, prompt_name, prompt_version, count, errors, latency_sum_ms,
    ttft_count, ttft_sum_ms, cost_sum, input_tokens, output_tokens, flagged_pii, flagged_injection, flagged_uncertainty,
    latency_buckets, latency_counts, ttft_buckets, ttft_counts
  from per_minute order by project_id, minute, model, environment, prompt_name, prompt_version
  on conflict (project_id, minute, model, environment, prompt_name, prompt_version) do update set
    count = m.count + excluded.count,
    errors = m.errors + excluded.errors,
    latency_sum_ms = m.latency_sum_ms + excluded.latency_sum_ms,
    ttft_count = m.ttft_count + excluded.ttft_count,
    ttft_sum_ms = m.ttft_sum_ms + excluded.ttft_sum_ms,
    cost_sum = m.cost_sum + excluded.cost_sum,
    input_tokens = m.input_tokens + excluded.input_tokens,
    output_tokens = m.output_tokens + excluded.output_tokens,
    flagged_pii = m.flagged_pii + excluded.flagged_pii,
    flagged_injection = m.flagged_injection + excluded.flagged_injection,
    flagged_uncertainty = m.flagged_uncertainty + excluded.flagged_uncertainty,
    updated_at = now(),
    ${mergeSketch("latency_buckets", "latency_counts")},
    ${mergeSketch("ttft_buckets", "ttft_counts")}
  returning 1
)
select (select count(*) from inserted)::int as inserted, (select count(*) from traces_upsert)::int as traces,
       (select count(*) from minutes_upsert)::int as minutes`;


/** Column-wise parameter arrays for INSERT_SPANS_SQL, in the order of its COLUMNS, then the start-assigned flags. */
export function insertSpansParams(rows: readonly SpanRow[]): unknown[][] {
  const columns = COLUMNS.map(([, , value]) => {
    const col = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) col[i] = value(rows[i]!);
    return col;
  });
  return [...columns, rows.map((r) => r.startTimeAssigned === true)];
}
