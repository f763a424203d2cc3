// The SDK's trace methods over real HTTP on 127.0.0.1: a small server hands each request to the
// real public route handlers (as Next does) against a real Postgres, and the public trace API
// reads back what the SDK sent.
import type http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as ingestRoute from "@/app/api/public/ingest/route";
import * as publicTraceRoute from "@/app/api/public/traces/[traceId]/route";
import { Pharos, type PharosError } from "../../sdk/src/index";
import { createKey, createOrgAndProject } from "../factories";
import { type RouteHandler, type RouteTarget, routeServer } from "../support/route-server";
import { call } from "../support/route";

function route(method: string, path: string): RouteTarget {
  if (method === "POST" && path === "/api/public/ingest") return { handler: ingestRoute.POST as unknown as RouteHandler, params: {} };
  return null;
}

let server: http.Server;
let baseUrl = "";
beforeAll(async () => {
  server = routeServer(route);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

type DocumentView = { position: number; id: string | null; content: string | null; score: number | null; metadata: unknown };
type SpanView = { id: string; parentId: string | null; kind: string; name: string; input: unknown; documents: DocumentView[] | null };

describe("trace.retriever (SDK) → the public trace API", () => {
  it("sends a retriever span whose documents come back in rank order with id, content, score and metadata", async () => {
    const t = await createOrgAndProject("sdk-retriever");
    const key = await createKey(t.project);
    const errors: PharosError[] = [];
    const pharos = new Pharos({ baseUrl, secretKey: key.secretKey, flushIntervalMs: 60_000, onError: (e) => errors.push(e) });

    const documents = [
      { id: "kb-refunds", content: "Refunds are issued within 5 business days.", score: 0.91, metadata: { title: "Refunds", lang: "en" } },
      { id: "kb-shipping", content: "Standard shipping is free on orders over $50.", score: 0.62, metadata: { title: "Shipping", page: 2 } },
      { id: "kb-ko", content: "환불은 영업일 기준 5일 이내에 처리됩니다.", score: 0.48, metadata: { title: "환불", lang: "ko" } },
    ];
    const trace = pharos.trace({ name: "rag-answer", input: "How long do refunds take?" });
    const retriever = trace.retriever({ name: "search-help-center", input: "How long do refunds take?" });
    retriever.end({ documents });
    // One under a span too: its parent is that span.
    const step = trace.span({ name: "rerank" });
    const nested = step.retriever({ name: "second-search", input: "refund time" });
    nested.end({ documents: [documents[2]!] });
    step.end();
    await pharos.shutdown();
    expect(errors).toEqual([]);

    const res = await call(publicTraceRoute.GET, "GET", { authorization: `Bearer ${key.secretKey}`, params: { traceId: trace.id } });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    const spans = res.json.spans as SpanView[];
    const sent = spans.find((s) => s.id === retriever.id)!;
    expect(sent).toMatchObject({ kind: "retriever", name: "search-help-center", parentId: null, input: "How long do refunds take?" });
    expect(sent.documents).toEqual(documents.map((d, position) => ({ position, id: d.id, content: d.content, score: d.score, metadata: d.metadata })));
    expect(spans.find((s) => s.id === nested.id)).toMatchObject({
      kind: "retriever", parentId: step.id, documents: [{ position: 0, id: "kb-ko", content: documents[2]!.content, score: 0.48, metadata: { title: "환불", lang: "ko" } }],
    });
    expect(spans.find((s) => s.id === step.id)!.documents).toBeNull();
  });
});
