import "server-only";
import { db } from "../db";
import { toMicros } from "../embeddings/embedding-progress";
import { Prisma } from "../generated/prisma/client";
import type { OnlineEvalFilter } from "../schemas/online-evals";
import type { ListTracesQuery } from "../schemas/traces";
import { traceFilters } from "../traces/trace-filters";
import { onlineScoreId, sampleBound } from "./sample";

/** Exact microseconds since the epoch as a timestamptz (JS Dates hold only milliseconds). */
const micros = (us: bigint) => Prisma.sql`('epoch'::timestamptz + ${us.toString()}::bigint * interval '1 microsecond')`;

/** A position in trace arrival order: traces.updated_at in exact microseconds, then the trace id. */
export type TraceArrival = { us: bigint; traceId: string };

export type Candidate = {
  traceId: string;
  arrival: TraceArrival;
  /** In the rule's sample and not yet evaluated by it (no attempt, no score): evaluate. Otherwise only walked past. */
  due: boolean;
  input: unknown;
  output: unknown;
  /** The trace summary's own input (null when it has none): a RAG rule's question. */
  traceInput: unknown;
  /** The trace's last LLM span (by end time), when it has one: its id carries the score. Not read for RAG rules (their context read finds it). */
  spanId: string | null;
  /** The trace summary's time range: its spans start within it. */
  startTime: Date;
  endTime: Date;
};

/**
 * One page of the traces matching a rule's filter that arrived after `after` and before
 * `before`, oldest arrival first (index traces_arrival). The filter is the explorer's own SQL
 * (traceFilters), so a rule selects what the explorer would show. Sampling and the "already
 * evaluated" check run in the query; only due traces carry their input and output, taken from
 * the trace summary and, where it has none, from its last LLM span.
 */
export async function traceCandidates(options: { projectId: string; ruleId: string; sampleRate: number; filter: OnlineEvalFilter; after: TraceArrival; before: TraceArrival; limit: number; rag?: boolean }): Promise<Candidate[]> {
  const { projectId, ruleId, filter, after, before, limit } = options;
  const { environment, ...rest } = filter;
  // traceFilters reads only the filter fields; sort and paging belong to the explorer's list.
  const listQuery = { ...rest, ...(environment ? { environment } : {}), sort: "startTime", order: "asc", limit } as ListTracesQuery;
  const where = traceFilters({ projectId, query: listQuery });
  const scoreIdPrefix = onlineScoreId(ruleId, "");
  // A RAG rule only evaluates traces with a retriever span (the answer context is checked per trace afterwards).
  const rag = options.rag ? Prisma.sql`and exists (select 1 from spans r where r.project_id = p.project_id and r.trace_id = p.id and r.kind = 'retriever')` : Prisma.empty;
  // Due: sampled, and not evaluated by this rule yet — no attempt (scored, failed or not applicable:
  // a failure writes no score) and, for traces scored before attempts were recorded, no score of it.
  const due = Prisma.sql`(('x' || substr(md5(${ruleId} || ':' || p.id), 1, 8))::bit(32)::bigint < ${sampleBound(options.sampleRate)}::bigint
    and not exists (select 1 from online_eval_attempts a where a.project_id = p.project_id and a.rule_id = ${ruleId} and a.trace_id = p.id)
    and not exists (select 1 from scores s where s.project_id = p.project_id and s.id = ${scoreIdPrefix} || p.id) ${rag})`;
  // A RAG rule reads its due traces' spans in one query afterwards (page-answer-contexts.ts), so not the LLM span here.
  const llmSpan = options.rag ? Prisma.sql`false` : Prisma.sql`c.due`;
  const query = Prisma.sql`
    with page as materialized (
      select t.project_id, t.id, ${Prisma.raw(toMicros("t.updated_at"))} as us, t.input, t.output, t.start_time, t.end_time from traces t
      where ${Prisma.join(where, " and ")}
        -- The planner cannot estimate a row comparison and, thinking it selects a few rows, read
        -- every arrival since the watermark (a bitmap scan) to sort them for the limit: a backlog
        -- of thousands made each page cost tens of ms. The plain range on updated_at lets it
        -- walk traces_arrival in order and stop after the page.
        and t.updated_at >= ${micros(after.us)} and t.updated_at <= ${micros(before.us)}
        and (t.updated_at, t.id) > (${micros(after.us)}, ${after.traceId}::text)
        and (t.updated_at, t.id) < (${micros(before.us)}, ${before.traceId}::text)
      order by t.updated_at, t.id limit ${limit}
    ),
    -- Sampled and "not scored yet" are decided on the page's rows only (materialized: once per
    -- row): inside the limited scan, the planner sized the score check for every arrival since
    -- the watermark and could hash the whole scores table per page rather than probe its key.
    c as materialized (select p.*, ${due} as due from page p)
    select c.id, c.us, c.due, case when c.due then c.input end as input, case when c.due then c.output end as output, c.start_time, c.end_time,
      l.id as span_id, l.input as span_input, l.output as span_output
    from c
    left join lateral (
      select s.id, s.input, s.output from spans s
      where ${llmSpan} and s.project_id = c.project_id and s.trace_id = c.id and s.kind = 'llm'
        -- The trace's time range: only the partitions of spans that hold it (lib/traces/trace-spans.ts).
        and s.start_time >= c.start_time and s.start_time <= c.end_time
      order by s.end_time desc, s.id desc limit 1
    ) l on true
    order by c.us::bigint, c.id`;
  const rows = await db.$queryRaw<{ id: string; us: string; due: boolean; input: unknown; output: unknown; span_id: string | null; span_input: unknown; span_output: unknown; start_time: Date; end_time: Date }[]>(query);
  return rows.map((r) => ({
    traceId: r.id, arrival: { us: BigInt(r.us), traceId: r.id }, due: r.due, spanId: r.span_id,
    input: r.input ?? r.span_input ?? null, output: r.output ?? r.span_output ?? null, traceInput: r.input ?? null,
    startTime: r.start_time, endTime: r.end_time,
  }));
}
