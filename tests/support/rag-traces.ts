import { hex } from "./ingest";

export type RagDoc = { id: string; content: string; score: number; metadata?: Record<string, unknown> };

/**
 * A RAG trace in the batch API's event format: root chain → retriever (the documents as the SDK's
 * retriever() sends them) → the answering generation, which starts after the retriever.
 */
export function ragTraceEvents(options: { traceId?: string; question: string; answer: string; documents: RagDoc[]; start?: Date; model?: string; promptVersion?: number; environment?: string }) {
  const traceId = options.traceId ?? hex(16);
  const start = options.start ?? new Date(Date.now() - 120_000);
  const at = (ms: number) => new Date(start.getTime() + ms).toISOString();
  const ids = { root: hex(8), retriever: hex(8), llm: hex(8) };
  const environment = options.environment ?? "production";
  return {
    traceId,
    ids,
    events: [
      { id: `e-${traceId}-t`, type: "trace", body: { id: traceId, name: "rag-answer", environment, input: { question: options.question }, output: { answer: options.answer } } },
      { id: `e-${ids.root}`, type: "span", body: { id: ids.root, traceId, name: "rag-pipeline", kind: "chain", startTime: at(0), endTime: at(1500), environment } },
      {
        id: `e-${ids.retriever}`, type: "span",
        body: { id: ids.retriever, traceId, parentId: ids.root, name: "search-kb", kind: "retriever", startTime: at(10), endTime: at(200), input: options.question, output: options.documents, environment },
      },
      {
        id: `e-${ids.llm}`, type: "generation",
        body: {
          id: ids.llm, traceId, parentId: ids.root, name: "answer", startTime: at(250), endTime: at(1400), model: options.model ?? "gpt-4o-mini", provider: "openai",
          input: [{ role: "system", content: "Answer from the documents." }, { role: "user", content: options.question }],
          output: { role: "assistant", content: options.answer }, usage: { input: 900, output: 120 },
          promptName: "rag-answer", promptVersion: options.promptVersion ?? 1, environment,
        },
      },
    ],
  };
}
