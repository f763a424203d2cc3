import { context, trace } from "@opentelemetry/api";
import { OTLPTraceExporter as HttpExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as ProtoExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { SimpleSpanProcessor, TracerProvider } from "@opentelemetry/sdk-trace";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/browser";
import { getJson } from "../support/http-session";
import { type PharosServer, startPharos } from "../support/pharos-server";

const SECRET = "sk-otel-e2e-0123456789abcdef";
const PUBLIC = "pk-otel-e2e-0123456789";

describe("real OpenTelemetry exporters → a running Pharos", () => {
  let server: PharosServer;
  beforeAll(async () => {
    server = await startPharos({
      env: {
        PHAROS_INIT_ORG_NAME: "OTel org", PHAROS_INIT_PROJECT_NAME: "OTel project", PHAROS_INIT_USER_EMAIL: "otel@example.test",
        PHAROS_INIT_USER_PASSWORD: "otel-password-1", PHAROS_INIT_PROJECT_PUBLIC_KEY: PUBLIC, PHAROS_INIT_PROJECT_SECRET_KEY: SECRET,
      },
    });
  });
  afterAll(async () => {
    await server?.stop();
  });

  for (const [name, Exporter] of [["protobuf", ProtoExporter], ["json", HttpExporter]] as const) {
    it(`stores GenAI-convention spans sent by exporter-trace-otlp-${name === "json" ? "http" : "proto"}`, async () => {
      const exporter = new Exporter({ url: `${server.baseUrl}/api/public/otel/v1/traces`, headers: { Authorization: `Bearer ${SECRET}` } });
      const provider = new TracerProvider({
        resource: resourceFromAttributes({ "service.name": "checkout-bot", "deployment.environment.name": "staging", "service.version": "2.4.0" }),
        spanProcessors: [new SimpleSpanProcessor({ exporter })],
      });
      const tracer = provider.getTracer("e2e");
      const t0 = Date.now() - 10_000;
      const root = tracer.startSpan("agent run", { startTime: t0, attributes: { "gen_ai.operation.name": "invoke_agent", "user.id": "u-42", "session.id": `s-${name}` } });
      const child = tracer.startSpan(
        "chat gpt-4o",
        {
          startTime: t0 + 100,
          attributes: {
            "gen_ai.operation.name": "chat",
            "gen_ai.provider.name": "openai",
            "gen_ai.request.model": "gpt-4o",
            "gen_ai.response.model": "gpt-4o-2024-08-06",
            "gen_ai.usage.input_tokens": 1000,
            "gen_ai.usage.output_tokens": 200,
            "gen_ai.request.temperature": 0.3,
            "gen_ai.input.messages": JSON.stringify([{ role: "user", parts: [{ type: "text", content: "환불은 어떻게 하나요?" }] }]),
            "gen_ai.output.messages": JSON.stringify([{ role: "assistant", parts: [{ type: "text", content: "설정에서 환불을 요청하세요." }], finish_reason: "stop" }]),
            "custom.flag": "kept",
          },
        },
        trace.setSpan(context.active(), root),
      );
      child.end(t0 + 1900);
      root.end(t0 + 2000);
      await provider.forceFlush();
      await provider.shutdown();

      const traceId = root.spanContext().traceId;
      const res = await getJson(server.baseUrl, `/api/public/traces/${traceId}`, { authorization: `Bearer ${SECRET}` });
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ id: traceId, name: "agent run", userId: "u-42", sessionId: `s-${name}`, environment: "staging", release: "2.4.0", spanCount: 2, latencyMs: 2000 });
      const llm = res.json.spans.find((s: { id: string }) => s.id === child.spanContext().spanId);
      expect(llm).toMatchObject({ parentId: root.spanContext().spanId, kind: "llm", model: "gpt-4o-2024-08-06", provider: "openai", latencyMs: 1800 });
      expect(llm.usage).toMatchObject({ inputTokens: 1000, outputTokens: 200 });
      expect(llm.cost.total).toBeGreaterThan(0);
      expect(llm.cost.estimated).toBe(false);
      expect(llm.modelParameters).toMatchObject({ temperature: 0.3 });
      expect(JSON.stringify(llm.input)).toContain("환불은 어떻게 하나요?");
      expect(llm.metadata).toMatchObject({ "custom.flag": "kept" });
      expect(new Date(llm.startTime).getTime()).toBe(t0 + 100);
    });
  }

  it("maps retrieval documents (OpenInference, GenAI, Langfuse) sent by a real exporter to documents in rank order with scores", async () => {
    const exporter = new ProtoExporter({ url: `${server.baseUrl}/api/public/otel/v1/traces`, headers: { Authorization: `Bearer ${SECRET}` } });
    const provider = new TracerProvider({ resource: resourceFromAttributes({ "service.name": "rag-bot" }), spanProcessors: [new SimpleSpanProcessor({ exporter })] });
    const tracer = provider.getTracer("e2e-rag");
    const t0 = Date.now() - 20_000;
    const root = tracer.startSpan("rag", { startTime: t0 });
    const parent = trace.setSpan(context.active(), root);
    // 12 documents: index 10 and 11 must come after 9, not after 1.
    const docs = Array.from({ length: 12 }, (_, i) => ({ id: `oi-${i}`, content: `OpenInference passage ${i}`, score: Math.round((0.95 - i * 0.03) * 1000) / 1000 }));
    const oi = tracer.startSpan("retrieve (openinference)", {
      startTime: t0 + 10,
      attributes: {
        "openinference.span.kind": "RETRIEVER", "input.value": "refund window?",
        ...Object.fromEntries(docs.flatMap((d, i) => [
          [`retrieval.documents.${i}.document.id`, d.id], [`retrieval.documents.${i}.document.content`, d.content],
          [`retrieval.documents.${i}.document.score`, d.score], [`retrieval.documents.${i}.document.metadata`, JSON.stringify({ chunk: i })],
        ])),
      },
    }, parent);
    oi.end(t0 + 100);
    const genai = tracer.startSpan("retrieval kb", {
      startTime: t0 + 110,
      attributes: { "gen_ai.operation.name": "retrieval", "gen_ai.retrieval.query.text": "refund window?", "gen_ai.retrieval.documents": JSON.stringify([{ id: "g-1", score: 0.9, content: "GenAI passage" }, { id: "g-2", score: 0.2 }]) },
    }, parent);
    genai.end(t0 + 150);
    const lf = tracer.startSpan("retrieve (langfuse)", {
      startTime: t0 + 160,
      attributes: { "langfuse.observation.type": "retriever", "langfuse.observation.output": JSON.stringify([{ page_content: "환불은 7일 이내에 가능합니다.", metadata: { id: "lf-1", source: "faq" } }]) },
    }, parent);
    lf.end(t0 + 200);
    const answer = tracer.startSpan("chat", { startTime: t0 + 300, attributes: { "gen_ai.operation.name": "chat", "gen_ai.request.model": "gpt-4o", "gen_ai.output.messages": JSON.stringify([{ role: "assistant", parts: [{ type: "text", content: "7 days." }] }]) } }, parent);
    answer.end(t0 + 900);
    root.end(t0 + 1000);
    await provider.forceFlush();
    await provider.shutdown();

    const res = await getJson(server.baseUrl, `/api/public/traces/${root.spanContext().traceId}`, { authorization: `Bearer ${SECRET}` });
    expect(res.status).toBe(200);
    const span = (s: { spanContext(): { spanId: string } }) => res.json.spans.find((x: { id: string }) => x.id === s.spanContext().spanId);
    expect(span(oi)).toMatchObject({ kind: "retriever", input: "refund window?" });
    expect(span(oi).documents.map((d: { id: string; content: string; score: number; position: number }) => [d.position, d.id, d.content, d.score])).toEqual(docs.map((d, i) => [i, d.id, d.content, d.score]));
    expect(span(oi).documents[11].metadata).toEqual({ chunk: 11 });
    expect(span(genai)).toMatchObject({ kind: "retriever", input: "refund window?" });
    expect(span(genai).documents).toEqual([
      { position: 0, id: "g-1", content: "GenAI passage", score: 0.9, metadata: null },
      { position: 1, id: "g-2", content: null, score: 0.2, metadata: null },
    ]);
    expect(span(lf).kind).toBe("retriever");
    expect(span(lf).documents).toEqual([{ position: 0, id: "lf-1", content: "환불은 7일 이내에 가능합니다.", score: null, metadata: { id: "lf-1", source: "faq" } }]);
    expect(span(answer).documents).toBeNull();

    // …and the trace view shows the OpenInference retriever's as documents: all 12, in rank order, with ids and scores.
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ baseURL: server.baseUrl });
      await page.goto("/sign-in");
      await page.getByLabel("Email").fill("otel@example.test");
      await page.getByLabel("Password").fill("otel-password-1");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL("**/project/**");
      const projectId = /\/project\/([^/?]+)/.exec(page.url())![1];
      await page.goto(`/project/${projectId}/traces/${root.spanContext().traceId}?span=${oi.spanContext().spanId}`);
      const shown = page.getByTestId("document");
      await shown.first().waitFor();
      expect(await shown.count()).toBe(12);
      expect(await page.getByTestId("document-id").allInnerTexts()).toEqual(docs.map((d) => d.id));
      expect(await page.getByTestId("document-content").allInnerTexts()).toEqual(docs.map((d) => d.content));
      expect((await page.getByTestId("document-score").allInnerTexts()).map((t) => Number(t.replace("score ", "")))).toEqual(docs.map((d) => d.score));
    } finally {
      await browser.close();
    }
  });
});
