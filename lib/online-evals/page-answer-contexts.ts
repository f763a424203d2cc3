import "server-only";
import { sqlPool } from "../db-sql-pool";
import { AppError } from "../errors";
import { answerContext, answerSpan } from "../traces/answer-context";
import { type AnswerContext, getAnswerContext } from "../traces/get-answer-context";

/** A due trace of a RAG rule's page: its id and the summary's time range (which prunes the span read to its partitions). */
export type PageTrace = { traceId: string; startTime: Date; endTime: Date; needsInput: boolean };

/**
 * The answer contexts of a page's due traces (lib/traces/get-answer-context.ts, the same pure
 * answerSpan / answerContext rules) in one round trip: the LLM and retriever spans of all of
 * them, each trace's read bounded by its own time range. Only what evaluation uses comes back:
 * outputs, and an LLM span's input only for traces without an input of their own (a RAG call's
 * input carries every passage again). One query per page instead of two per trace, and pg
 * rather than the ORM, because the evaluator runs beside ingest and its CPU is ingest's loss
 * (bench:rag). A trace whose range finds no span (a summary from before that rule) is read
 * the general way, every partition.
 */
export async function pageAnswerContexts(options: { projectId: string; traces: readonly PageTrace[] }): Promise<Map<string, AnswerContext>> {
  const { projectId, traces } = options;
  const out = new Map<string, AnswerContext>();
  if (!traces.length) return out;
  const { rows } = await sqlPool().query<{ trace_id: string; id: string; kind: string; start_time: Date; end_time: Date; input: unknown; output: unknown }>(
    `select s.trace_id, s.id, s.kind, s.start_time, s.end_time, case when s.kind = 'llm' and t.needs_input then s.input end as input, s.output
     from unnest($2::text[], $3::timestamptz[], $4::timestamptz[], $5::boolean[]) as t(id, start_time, end_time, needs_input)
     join spans s on s.project_id = $1 and s.trace_id = t.id and s.start_time >= t.start_time and s.start_time <= t.end_time
     where s.kind in ('llm', 'retriever')
     order by s.trace_id, s.start_time, s.id`,
    [projectId, traces.map((t) => t.traceId), traces.map((t) => t.startTime), traces.map((t) => t.endTime), traces.map((t) => t.needsInput)],
  );
  const byTrace = new Map<string, typeof rows>();
  for (const r of rows) (byTrace.get(r.trace_id) ?? byTrace.set(r.trace_id, []).get(r.trace_id)!).push(r);
  for (const t of traces) {
    const spans = byTrace.get(t.traceId)?.map((r) => ({ id: r.id, kind: r.kind, startTime: r.start_time, endTime: r.end_time, input: r.input, output: r.output }));
    if (!spans?.length) {
      // Gone since the page was read (retention) is a 404: nothing to evaluate, no context.
      const context = await getAnswerContext({ projectId, traceId: t.traceId }).catch((error: unknown) => {
        if (error instanceof AppError) return null;
        throw error;
      });
      if (context) out.set(t.traceId, context);
      continue;
    }
    const llm = answerSpan(spans);
    out.set(t.traceId, llm ? { llmSpanId: llm.id, input: llm.input ?? null, output: llm.output, documents: answerContext(spans, llm.id) } : { llmSpanId: null, input: null, output: null, documents: [] });
  }
  return out;
}
