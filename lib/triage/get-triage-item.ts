import { db } from "../db";
import { AppError } from "../errors";
import { faithfulnessView, unsupportedStatements } from "../evaluators/rag/faithfulness-view";
import { inTraceRange } from "../traces/trace-spans";
import { serializeItem, traceSummaries, usersById } from "./serialize-item";

/** One item with its trace summary and its comments (oldest first) with their authors. */
export async function getTriageItem(options: { projectId: string; itemId: string }) {
  const { projectId, itemId } = options;
  const item = await db.triageItem.findUnique({
    where: { projectId_id: { projectId, id: itemId } },
    include: { comments: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] } },
  });
  if (!item) throw new AppError("NOT_FOUND", `Triage item ${itemId} not found`);
  const { comments, ...row } = item;
  const [traces, users, faithfulness] = await Promise.all([
    traceSummaries({ projectId, traceIds: [row.traceId] }),
    usersById([row.assigneeId, ...comments.map((c) => c.authorId)]),
    lowestFaithfulness(projectId, row.traceId),
  ]);
  const trace = traces.get(row.traceId);
  // After the summary: its time range limits the span read to the partitions that hold the trace.
  const firstError = await firstErrorSpan(projectId, row.traceId, trace ? { startTime: trace.startTime, endTime: new Date(trace.startTime.getTime() + trace.latencyMs) } : null);
  return {
    ...serializeItem(row, trace, users),
    firstError,
    faithfulness,
    comments: comments.map((c) => ({ id: c.id, body: c.body, createdAt: c.createdAt, author: c.authorId ? (users.get(c.authorId) ?? null) : null })),
  };
}

/**
 * What failed, so the inbox shows the error without opening the trace: the earliest ERROR span
 * that has a status message (else the earliest ERROR span). Null when no span erred.
 */
async function firstErrorSpan(projectId: string, traceId: string, range: { startTime: Date; endTime: Date } | null) {
  const spans = await db.span.findMany({
    where: { projectId, traceId, level: "ERROR", ...(range ? inTraceRange(range) : {}) },
    orderBy: [{ startTime: "asc" }, { id: "asc" }],
    select: { id: true, name: true, statusMessage: true },
    take: 50,
  });
  const span = spans.find((s) => s.statusMessage) ?? spans[0];
  return span ? { spanId: span.id, name: span.name, message: span.statusMessage } : null;
}

/**
 * The trace's lowest faithfulness score that kept its evidence (an online RAG rule's): its value,
 * the LLM span it scored and the statements the context did not support. Null when there is none.
 */
async function lowestFaithfulness(projectId: string, traceId: string) {
  const rows = await db.$queryRaw<{ id: string; span_id: string | null; name: string; number_value: number; details: unknown }[]>`
    select id, span_id, name, number_value, details from scores
    where project_id = ${projectId} and trace_id = ${traceId} and details is not null and number_value is not null
      and (name = 'faithfulness' or details->>'evaluator' = 'faithfulness')
    order by number_value asc, created_at desc limit 1`;
  const row = rows[0];
  const view = row ? faithfulnessView(row.details) : null;
  if (!row || !view) return null;
  return { scoreId: row.id, name: row.name, value: row.number_value, spanId: row.span_id, statementCount: view.statementCount, unsupported: unsupportedStatements(view), passages: view.passages };
}
