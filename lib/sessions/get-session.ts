import { db } from "../db";
import { AppError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import { serializeScore } from "../traces/serialize";
import { decodeTimeCursor, encodeTimeCursor, PG_TIME_TEXT } from "../cursor";
import type { SessionTracesQuery } from "./schemas";

type TraceRow = {
  id: string; name: string | null; start_time: Date; end_time: Date; start_key: string; input: unknown; output: unknown;
  user_id: string | null; environment: string | null; release: string | null; tags: string[]; models: string[];
  error_count: number; error_message: string | null; span_count: number; total_cost: number; input_tokens: bigint; output_tokens: bigint;
};
type SummaryRow = { trace_count: number; first_activity: Date; last_end: Date; total_cost: number; error_traces: number; users: string[] };

/**
 * One session: a summary over all its traces, and its traces in start order (keyset-paginated on
 * (start time, id), through the traces (project, session, start time) index) with their scores.
 */
export async function getSession(options: { projectId: string; sessionId: string; query: SessionTracesQuery }) {
  const { projectId, sessionId, query: q } = options;
  const cursor = q.cursor ? decodeTimeCursor(q.cursor) : null;
  const [summary] = await db.$queryRaw<SummaryRow[]>`
    select count(*)::int as trace_count, min(start_time) as first_activity, max(end_time) as last_end,
      coalesce(sum(total_cost), 0)::float8 as total_cost, (count(*) filter (where error_count > 0))::int as error_traces,
      coalesce(array_agg(distinct user_id) filter (where user_id is not null), '{}') as users
    from traces where project_id = ${projectId} and session_id = ${sessionId}`;
  if (!summary || summary.trace_count === 0) throw new AppError("NOT_FOUND", `Session ${sessionId} not found`);

  const rows = await db.$queryRaw<TraceRow[]>`
    select id, coalesce(trace_name, root_name, first_name) as name, start_time, end_time,
      ${Prisma.raw(PG_TIME_TEXT("start_time"))} as start_key, input, output, user_id, environment, release, tags, models,
      error_count, span_count, total_cost::float8 as total_cost, input_tokens, output_tokens,
      case when error_count > 0 then (
        select coalesce(status_message, '') from spans s
        where s.project_id = traces.project_id and s.trace_id = traces.id and s.level = 'ERROR'
          -- The trace's time range: only the partitions of spans that hold it (lib/traces/trace-spans.ts).
          and s.start_time >= traces.start_time and s.start_time <= traces.end_time
        order by s.start_time limit 1
      ) end as error_message
    from traces
    where project_id = ${projectId} and session_id = ${sessionId}
      ${cursor ? Prisma.sql`and (start_time, id) > (${cursor.time}::timestamptz, ${cursor.id})` : Prisma.empty}
    order by start_time, id
    limit ${q.limit + 1}`;
  const page = rows.slice(0, q.limit);
  const scores = page.length
    ? await db.score.findMany({ where: { projectId, traceId: { in: page.map((r) => r.id) } }, orderBy: { createdAt: "asc" } })
    : [];
  const last = page[page.length - 1];
  return {
    sessionId,
    traceCount: summary.trace_count,
    firstActivity: summary.first_activity,
    lastEnd: summary.last_end,
    totalCost: summary.total_cost,
    errorTraces: summary.error_traces,
    userIds: summary.users,
    traces: page.map((r) => ({
      id: r.id,
      name: r.name,
      startTime: r.start_time,
      endTime: r.end_time,
      latencyMs: r.end_time.getTime() - r.start_time.getTime(),
      input: r.input,
      output: r.output,
      userId: r.user_id,
      environment: r.environment,
      release: r.release,
      tags: r.tags,
      models: r.models,
      status: r.error_count > 0 ? "error" : "ok",
      errorCount: r.error_count,
      errorMessage: r.error_message || null,
      spanCount: r.span_count,
      totalCost: r.total_cost,
      usage: { inputTokens: Number(r.input_tokens), outputTokens: Number(r.output_tokens) },
      scores: scores.filter((s) => s.traceId === r.id).map(serializeScore),
    })),
    nextCursor: rows.length > q.limit && last ? encodeTimeCursor(last.start_key, last.id) : null,
  };
}
