import { type RetrievedDocument, retrievedDocuments } from "./retrieval-documents";

/** What answer-context needs of a span. */
export type ContextSpan = { id: string; kind: string; startTime: Date | string; output: unknown };

/** A document in an answer's context, with the retriever span it came from. */
export type ContextDocument = RetrievedDocument & { spanId: string };

const ms = (t: Date | string) => (t instanceof Date ? t.getTime() : Date.parse(t));

/**
 * The context of an answer (pure): the documents of the retriever spans of its trace that
 * started before its LLM span did, retrievers in start order (then id), each retriever's
 * documents in rank order. Start, not end: a retriever that ran before the call may report an
 * end a clock tick after the call's start, and one that started after the call cannot have
 * fed it. A trace is a RAG trace for that LLM span when this is not empty.
 */
export function answerContext(spans: readonly ContextSpan[], llmSpanId: string): ContextDocument[] {
  const llm = spans.find((s) => s.id === llmSpanId);
  if (!llm) return [];
  const at = ms(llm.startTime);
  return spans
    .filter((s) => s.kind === "retriever" && s.id !== llmSpanId && ms(s.startTime) < at)
    .sort((a, b) => ms(a.startTime) - ms(b.startTime) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .flatMap((s) => (retrievedDocuments(s.output) ?? []).map((d) => ({ ...d, spanId: s.id })));
}

/** The LLM span whose answer a trace gives: the last to end (then the greatest id), as online evaluation picks it. */
export function answerSpan<T extends { id: string; kind: string; endTime: Date | string }>(spans: readonly T[]): T | null {
  let best: T | null = null;
  for (const s of spans) {
    if (s.kind !== "llm") continue;
    if (!best || ms(s.endTime) > ms(best.endTime) || (ms(s.endTime) === ms(best.endTime) && s.id > best.id)) best = s;
  }
  return best;
}
