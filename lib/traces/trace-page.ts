import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import type { ListTracesQuery } from "../schemas/traces";
import { TRACE_NAME_SQL, traceFilters } from "./trace-filters";
import { afterCursor, decodeCursor, encodeCursor, orderBy, SORTS } from "./trace-sort";

/** Inputs/outputs up to this stored size are sent whole to build a preview; larger ones by their start. */
const PREVIEW_WHOLE_BYTES = 8192;

/**
 * One page of a project's traces: filters, then keyset pagination on (sort value, id) —
 * never OFFSET — so pages neither skip nor repeat rows while new traces arrive. `columns`
 * are selected besides the id and the cursor key.
 */
export async function tracePage<R extends { id: string; cursor_key: string }>(projectId: string, q: ListTracesQuery, columns: Prisma.Sql) {
  const rows = await db.$queryRaw<R[]>(traceListSql({ projectId, query: q, columns }));
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > q.limit && last ? encodeCursor({ sort: q.sort, order: q.order, value: last.cursor_key, id: last.id }) : null;
  return { page, nextCursor };
}

/** The page query (limit + 1 rows, to know whether another page exists); exported for EXPLAIN in bench/explorer. */
export function traceListSql(options: { projectId: string; query: ListTracesQuery; columns?: Prisma.Sql }): Prisma.Sql {
  const { projectId, query: q, columns = SUMMARY_COLUMNS } = options;
  const where = traceFilters({ projectId, query: q });
  if (q.cursor) where.push(afterCursor(decodeCursor(q.cursor, q.sort, q.order)));
  return Prisma.sql`
    select t.id, ${SORTS[q.sort].key} as cursor_key ${columns}
    from traces t
    where ${Prisma.join(where, " and ")}
    ${orderBy(q.sort, q.order)}
    limit ${q.limit + 1}`;
}

/** Thumbs up/down counts of the given traces (the page's rows only). */
export async function feedbackOf(projectId: string, traceIds: string[]) {
  if (!traceIds.length) return new Map<string, { up: number; down: number }>();
  const rows = await db.$queryRaw<{ trace_id: string; up: number; down: number }[]>`
    select trace_id, (count(*) filter (where number_value = 1))::int as up, (count(*) filter (where number_value = 0))::int as down
    from scores where project_id = ${projectId} and trace_id = any(${traceIds}::text[]) and name = 'user_feedback'
    group by trace_id`;
  return new Map(rows.map((r) => [r.trace_id, { up: r.up, down: r.down }]));
}

export type SummaryRow = {
  id: string; cursor_key: string; name: string | null; start_time: Date; end_time: Date; latency_ms: number;
  input_small: unknown; input_head: string | null; output_small: unknown; output_head: string | null;
  error_count: number; span_count: number; total_cost: number; input_tokens: number; output_tokens: number;
  models: string[]; user_id: string | null; session_id: string | null; environment: string | null; release: string | null;
  prompt_name: string | null; prompt_version: number | null; tags: string[]; flags: string[];
};

const preview = (column: "input" | "output") => {
  const c = Prisma.raw(`t.${column}`);
  return Prisma.sql`case when pg_column_size(${c}) <= ${PREVIEW_WHOLE_BYTES} then ${c} end as ${Prisma.raw(`${column}_small`)},
    case when pg_column_size(${c}) > ${PREVIEW_WHOLE_BYTES} then left(${c}::text, 600) end as ${Prisma.raw(`${column}_head`)}`;
};

export const SUMMARY_COLUMNS = Prisma.sql`, ${TRACE_NAME_SQL} as name, t.start_time, t.end_time,
  (extract(epoch from (t.end_time - t.start_time)) * 1000)::float8 as latency_ms, ${preview("input")}, ${preview("output")},
  t.error_count, t.span_count, t.total_cost::float8 as total_cost, t.input_tokens::float8 as input_tokens, t.output_tokens::float8 as output_tokens,
  t.models, t.user_id, t.session_id, t.environment, t.release, t.prompt_name, t.prompt_version, t.tags, t.flags`;

