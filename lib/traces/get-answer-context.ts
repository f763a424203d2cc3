import "server-only";
import { db } from "../db";
import { AppError } from "../errors";
import { type ContextDocument, answerContext, answerSpan } from "./answer-context";
import { inTraceRange } from "./trace-spans";

export type AnswerContext = {
  /** The LLM span whose answer this is (the given one, else the trace's last LLM span); null: the trace has none. */
  llmSpanId: string | null;
  input: unknown;
  output: unknown;
  /** The documents of the retriever spans that started before it; empty: not a RAG answer. */
  documents: ContextDocument[];
};

/**
 * The context of an answer in a stored trace: the LLM span (given, else the last to end) and
 * the documents of the retriever spans before it (answer-context.ts). 404 when the trace or the
 * span is not in the project.
 */
export async function getAnswerContext(options: { projectId: string; traceId: string; spanId?: string }): Promise<AnswerContext> {
  const { projectId, traceId } = options;
  // The summary's time range prunes the span read to the trace's daily partitions (trace-spans.ts).
  const trace = await db.trace.findUnique({ where: { projectId_id: { projectId, id: traceId } }, select: { startTime: true, endTime: true } });
  const read = (range: boolean) =>
    db.span.findMany({
      where: { projectId, traceId, kind: { in: ["llm", "retriever"] }, ...(range && trace ? inTraceRange(trace) : {}) },
      select: { id: true, kind: true, startTime: true, endTime: true, input: true, output: true },
      orderBy: [{ startTime: "asc" }, { id: "asc" }],
    });
  let spans = trace ? await read(true) : [];
  // Nothing in range (a summary written before that rule) or no summary: every partition.
  if (!spans.length) spans = await read(false);
  if (!spans.length && !trace) throw new AppError("NOT_FOUND", `Trace ${traceId} not found`);
  const llm = options.spanId ? spans.find((s) => s.id === options.spanId && s.kind === "llm") : answerSpan(spans);
  if (options.spanId && !llm) throw new AppError("NOT_FOUND", `LLM span ${options.spanId} not found in trace ${traceId}`);
  if (!llm) return { llmSpanId: null, input: null, output: null, documents: [] };
  return { llmSpanId: llm.id, input: llm.input, output: llm.output, documents: answerContext(spans, llm.id) };
}
