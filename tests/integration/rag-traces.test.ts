// Retrieval in traces: a retriever's documents are first-class in the trace API (in rank order,
// with scores), and the context of an answer is the documents of the retrievers before its LLM span.
import { describe, expect, it } from "vitest";
import * as ingestRoute from "@/app/api/public/ingest/route";
import * as publicTraceRoute from "@/app/api/public/traces/[traceId]/route";
import * as traceRoute from "@/app/api/projects/[projectId]/traces/[traceId]/route";
import { getAnswerContext } from "@/lib/traces/get-answer-context";
import { createKey, createOrgAndProject } from "../factories";
import { hex } from "../support/ingest";
import { ragTraceEvents } from "../support/rag-traces";
import { call } from "../support/route";

const documents = Array.from({ length: 12 }, (_, i) => ({ id: `kb-${i}`, content: `Passage ${i}: refunds policy part ${i}.`, score: Math.round((0.99 - i * 0.05) * 100) / 100, metadata: { source: "faq", page: i } }));

async function setup(name: string) {
  const t = await createOrgAndProject(name);
  const key = await createKey(t.project);
  return { ...t, auth: `Bearer ${key.secretKey}` };
}

describe("retrieval documents in traces", () => {
  it("returns a retriever's documents in rank order with id, content, score and metadata, in the public and UI trace APIs", async () => {
    const t = await setup("rag-docs");
    const rag = ragTraceEvents({ question: "How do refunds work?", answer: "Refunds take 5 days.", documents });
    expect((await call(ingestRoute.POST, "POST", { authorization: t.auth, body: { batch: rag.events } })).status).toBe(207);

    const pub = await call(publicTraceRoute.GET, "GET", { authorization: t.auth, params: { traceId: rag.traceId } });
    expect(pub.status).toBe(200);
    const retriever = pub.json.spans.find((s: { id: string }) => s.id === rag.ids.retriever);
    expect(retriever.documents.map((d: { id: string }) => d.id)).toEqual(documents.map((d) => d.id));
    expect(retriever.documents[11]).toEqual({ position: 11, id: "kb-11", content: documents[11]!.content, score: documents[11]!.score, metadata: { source: "faq", page: 11 } });
    expect(pub.json.spans.find((s: { id: string }) => s.id === rag.ids.llm).documents).toBeNull();

    const ui = await call(traceRoute.GET, "GET", { cookie: t.owner.cookie, params: { projectId: t.project.id, traceId: rag.traceId } });
    expect(ui.json.spans.find((s: { id: string }) => s.id === rag.ids.retriever).documents.map((d: { score: number }) => d.score)).toEqual(documents.map((d) => d.score));
  });

  it("gives the context of an answer: the documents of the retrievers before its LLM span; none before an earlier call; 404 in another project", async () => {
    const t = await setup("rag-context");
    const rag = ragTraceEvents({ question: "Q?", answer: "A.", documents: documents.slice(0, 3) });
    // A second retriever that starts after the answer began cannot have fed it; an earlier LLM call (query rewrite) has no context.
    const late = { id: `e-late`, type: "span", body: { id: hex(8), traceId: rag.traceId, parentId: rag.ids.root, name: "late", kind: "retriever", startTime: new Date(Date.parse(rag.events[3]!.body.startTime as string) + 10).toISOString(), endTime: new Date().toISOString(), output: [{ id: "late", content: "late" }] } };
    const rewrite = { id: `e-rw`, type: "generation", body: { id: hex(8), traceId: rag.traceId, parentId: rag.ids.root, name: "rewrite", model: "gpt-4o-mini", startTime: rag.events[1]!.body.startTime, endTime: rag.events[2]!.body.startTime, output: "rewritten" } };
    expect((await call(ingestRoute.POST, "POST", { authorization: t.auth, body: { batch: [...rag.events, late, rewrite] } })).status).toBe(207);

    const ctx = await getAnswerContext({ projectId: t.project.id, traceId: rag.traceId });
    expect(ctx.llmSpanId).toBe(rag.ids.llm);
    expect(ctx.documents.map((d) => [d.spanId, d.id, d.score])).toEqual(documents.slice(0, 3).map((d) => [rag.ids.retriever, d.id, d.score]));
    expect((await getAnswerContext({ projectId: t.project.id, traceId: rag.traceId, spanId: rewrite.body.id })).documents).toEqual([]);

    const other = await setup("rag-context-other");
    await expect(getAnswerContext({ projectId: other.project.id, traceId: rag.traceId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getAnswerContext({ projectId: t.project.id, traceId: rag.traceId, spanId: rag.ids.retriever })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
