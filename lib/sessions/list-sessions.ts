import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { decodeTimeCursor, encodeTimeCursor, PG_TIME_TEXT } from "../cursor";
import type { ListSessionsQuery } from "./schemas";

type SessionRow = {
  session_id: string; trace_count: number; first_activity: Date; last_activity: Date; last_end: Date; last_key: string;
  user_id: string | null; user_count: number; total_cost: number; error_traces: number; input_tokens: bigint; output_tokens: bigint;
};

/**
 * Sessions (traces grouped by session id), most recently active first, keyset-paginated on
 * (last activity = latest trace start, session id). Totals cover the whole session; `from`/`to`
 * select sessions whose last activity falls in the range.
 *
 * Two stages keep the work proportional to the page, however many sessions the range holds:
 * (1) walk the project's traces newest first through the (project, start time) index and keep
 * each session's latest trace only — the one with no later trace in its session, an index probe
 * on (project, session, start time) — so the walk stops after a page of sessions instead of
 * grouping every session in the range; (2) aggregate just those sessions through the same
 * (project, session, start time) index. Ties on start time go to the larger trace id, so each
 * session has exactly one latest trace. "No later trace" is a count over a LIMIT 1 subquery on
 * purpose: Postgres runs it per walked row as a probe, where NOT EXISTS may be planned as an
 * anti-join over every trace of the project.
 */
export async function listSessions(options: { projectId: string; query: ListSessionsQuery }) {
  const { projectId, query: q } = options;
  const cursor = q.cursor ? decodeTimeCursor(q.cursor) : null;
  const where = [
    q.from ? Prisma.sql`and l.start_time >= ${q.from}` : Prisma.empty,
    q.to ? Prisma.sql`and l.start_time < ${q.to}` : Prisma.empty,
    cursor ? Prisma.sql`and (l.start_time, l.session_id) < (${cursor.time}::timestamptz, ${cursor.id})` : Prisma.empty,
    q.userId ? Prisma.sql`and l.session_id in (select session_id from traces where project_id = ${projectId} and user_id = ${q.userId} and session_id is not null)` : Prisma.empty,
  ];
  const rows = await db.$queryRaw<SessionRow[]>`
    with page as (
      select l.session_id, l.start_time as last_activity
      from traces l
      where l.project_id = ${projectId} and l.session_id is not null ${Prisma.join(where, " ")}
        and (select count(*) from (
          select 1 from traces later
          where later.project_id = l.project_id and later.session_id = l.session_id
            and (later.start_time, later.id) > (l.start_time, l.id)
          limit 1) as later) = 0
      order by l.start_time desc, l.session_id desc
      limit ${q.limit + 1}
    )
    select p.session_id,
      count(*)::int as trace_count,
      min(t.start_time) as first_activity,
      p.last_activity,
      max(t.end_time) as last_end,
      ${Prisma.raw(PG_TIME_TEXT("p.last_activity"))} as last_key,
      (array_agg(t.user_id order by t.start_time) filter (where t.user_id is not null))[1] as user_id,
      count(distinct t.user_id)::int as user_count,
      coalesce(sum(t.total_cost), 0)::float8 as total_cost,
      (count(*) filter (where t.error_count > 0))::int as error_traces,
      coalesce(sum(t.input_tokens), 0)::bigint as input_tokens,
      coalesce(sum(t.output_tokens), 0)::bigint as output_tokens
    from page p
    join traces t on t.project_id = ${projectId} and t.session_id = p.session_id
    group by p.session_id, p.last_activity
    order by p.last_activity desc, p.session_id desc`;
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    data: page.map((r) => ({
      sessionId: r.session_id,
      traceCount: r.trace_count,
      firstActivity: r.first_activity,
      lastActivity: r.last_activity,
      lastEnd: r.last_end,
      userId: r.user_id,
      userCount: r.user_count,
      totalCost: r.total_cost,
      errorTraces: r.error_traces,
      usage: { inputTokens: Number(r.input_tokens), outputTokens: Number(r.output_tokens) },
    })),
    nextCursor: rows.length > q.limit && last ? encodeTimeCursor(last.last_key, last.session_id) : null,
  };
}
