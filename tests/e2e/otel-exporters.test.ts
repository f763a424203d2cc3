import { context, trace } from "@opentelemetry/api";
import { OTLPTraceExporter as HttpExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as ProtoExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { SimpleSpanProcessor, TracerProvider } from "@opentelemetry/sdk-trace";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
});
