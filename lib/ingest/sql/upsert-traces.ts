import { jsonText as json } from "../../json";
import type { TraceRow } from "../rows";
import { SEARCH_TEXT_SQL } from "./search-text";

/** Explicit trace attributes (batch API `trace` events) win over span-derived ones. */
export const UPSERT_TRACES_SQL = `
insert into traces as t (project_id, id, trace_name, start_time, end_time, input, output, user_id, session_id, environment, release, tags, metadata, search_text)
select project_id, id, trace_name, ts, ts, input::jsonb, output::jsonb, user_id, session_id, environment, release,
       array(select jsonb_array_elements_text(tags::jsonb)), metadata::jsonb,
       case when coalesce(input, output) is not null then ${SEARCH_TEXT_SQL("input::jsonb", "output::jsonb")} end
from unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[])
  as u(project_id, id, trace_name, ts, input, output, user_id, session_id, environment, release, tags, metadata)
order by project_id, id
on conflict (project_id, id) do update set
  trace_name = coalesce(excluded.trace_name, t.trace_name),
  input = coalesce(excluded.input, t.input),
  output = coalesce(excluded.output, t.output),
  user_id = coalesce(excluded.user_id, t.user_id),
  session_id = coalesce(excluded.session_id, t.session_id),
  environment = coalesce(excluded.environment, t.environment),
  release = coalesce(excluded.release, t.release),
  tags = array(select distinct unnest(t.tags || excluded.tags)),
  metadata = case when excluded.metadata is null then t.metadata else coalesce(t.metadata, '{}'::jsonb) || excluded.metadata end,
  start_time = case when t.span_count = 0 then least(t.start_time, excluded.start_time) else t.start_time end,
  search_text = case when coalesce(excluded.input, t.input, excluded.output, t.output) is not null
    then ${SEARCH_TEXT_SQL("coalesce(excluded.input, t.input)", "coalesce(excluded.output, t.output)")} else t.search_text end,
  updated_at = now()`;


/** Later events for the same trace in one batch merge into one row (an upsert may touch a row once). */
export function upsertTracesParams(rows: readonly TraceRow[]): unknown[][] {
  const merged = new Map<string, TraceRow>();
  for (const r of rows) {
    const key = `${r.projectId}\u0000${r.id}`;
    const prev = merged.get(key);
    merged.set(key, prev ? mergeTrace(prev, r) : r);
  }
  const list = [...merged.values()];
  return [
    list.map((r) => r.projectId), list.map((r) => r.id), list.map((r) => r.name), list.map((r) => r.timestamp),
    list.map((r) => json(r.input)), list.map((r) => json(r.output)), list.map((r) => r.userId), list.map((r) => r.sessionId),
    list.map((r) => r.environment), list.map((r) => r.release), list.map((r) => JSON.stringify(r.tags)), list.map((r) => json(r.metadata)),
  ];
}

function mergeTrace(a: TraceRow, b: TraceRow): TraceRow {
  const pick = <T>(x: T | null | undefined, y: T | null | undefined) => (y === undefined || y === null ? (x ?? null) : y);
  return {
    projectId: a.projectId,
    id: a.id,
    name: pick(a.name, b.name),
    timestamp: a.timestamp < b.timestamp ? a.timestamp : b.timestamp,
    input: pick(a.input, b.input),
    output: pick(a.output, b.output),
    userId: pick(a.userId, b.userId),
    sessionId: pick(a.sessionId, b.sessionId),
    environment: pick(a.environment, b.environment),
    release: pick(a.release, b.release),
    tags: [...new Set([...a.tags, ...b.tags])],
    metadata: a.metadata || b.metadata ? { ...a.metadata, ...b.metadata } : null,
  };
}
