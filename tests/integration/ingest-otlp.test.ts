import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import * as otelRoute from "@/app/api/public/otel/v1/traces/route";
import { db } from "@/lib/db";
import { createKey, createOrgAndProject } from "../factories";
import { hex } from "../support/ingest";

const ns = (ms: number) => `${BigInt(ms) * 1_000_000n}`;

function otlpJson(spans: object[]) {
  return {
    resourceSpans: [
      {
        resource: { attributes: [{ key: "service.name", value: { stringValue: "svc" } }] },
        scopeSpans: [{ scope: { name: "test" }, spans }],
      },
    ],
  };
}

function genSpan(traceId: string, overrides: Record<string, unknown> = {}) {
  const t0 = Date.now() - 5000;
  return {
    traceId, spanId: hex(8), name: "chat", kind: 3, startTimeUnixNano: ns(t0), endTimeUnixNano: ns(t0 + 800),
    attributes: [
      { key: "gen_ai.operation.name", value: { stringValue: "chat" } },
      { key: "gen_ai.request.model", value: { stringValue: "gpt-4o-mini" } },
      { key: "gen_ai.usage.input_tokens", value: { intValue: "100" } },
      { key: "gen_ai.usage.output_tokens", value: { intValue: "20" } },
    ],
    status: { code: 0 },
    ...overrides,
  };
}

async function send(auth: string, body: BodyInit, headers: Record<string, string>) {
  const res = await otelRoute.POST(new Request("http://localhost/api/public/otel/v1/traces", { method: "POST", body, headers: { authorization: auth, ...headers } }), { params: Promise.resolve({}) });
  const text = await res.text();
  return { status: res.status, text, type: res.headers.get("content-type") };
}

describe("POST /api/public/otel/v1/traces", () => {
  it("stores the good spans and reports the bad one in partial_success", async () => {
    const t = await createOrgAndProject("otlp");
    const key = await createKey(t.project);
    const traceId = hex(16);
    const t0 = Date.now();
    const body = otlpJson([genSpan(traceId), genSpan(traceId, { name: "backwards", startTimeUnixNano: ns(t0), endTimeUnixNano: ns(t0 - 1000) })]);
    const res = await send(`Bearer ${key.secretKey}`, JSON.stringify(body), { "content-type": "application/json" });
    expect(res.status).toBe(200);
    expect(res.type).toContain("application/json");
    const parsed = JSON.parse(res.text);
    expect(Number(parsed.partialSuccess.rejectedSpans)).toBe(1);
    expect(parsed.partialSuccess.errorMessage).toMatch(/end/i);
    const spans = await db.span.findMany({ where: { projectId: t.project.id } });
    expect(spans).toHaveLength(1);
    expect(spans[0]).toMatchObject({ traceId, model: "gpt-4o-mini", inputTokens: 100, outputTokens: 20, kind: "llm" });
  });

  it("accepts gzip, and answers 400/415 for undecodable or unsupported bodies with nothing stored", async () => {
    const t = await createOrgAndProject("otlp-bad");
    const key = await createKey(t.project);
    const auth = `Bearer ${key.secretKey}`;
    const good = JSON.stringify(otlpJson([genSpan(hex(16))]));
    expect((await send(auth, Buffer.from([0xff, 0x13, 0x37, 0x00, 0x99, 0x42]), { "content-type": "application/x-protobuf" })).status).toBe(400);
    expect((await send(auth, "{\"resourceSpans\": 12}", { "content-type": "application/json" })).status).toBe(400);
    expect((await send(auth, "not json", { "content-type": "application/json" })).status).toBe(400);
    expect((await send(auth, good, { "content-type": "text/plain" })).status).toBe(415);
    expect((await send(auth, Buffer.from("zzz"), { "content-type": "application/json", "content-encoding": "gzip" })).status).toBe(400);
    expect(await db.span.count({ where: { projectId: t.project.id } })).toBe(0);
    const gz = await send(auth, gzipSync(Buffer.from(good)), { "content-type": "application/json", "content-encoding": "gzip" });
    expect(gz.status).toBe(200);
    expect(await db.span.count({ where: { projectId: t.project.id } })).toBe(1);
    // Basic pk:sk works too; a public key alone cannot write traces.
    expect((await send(`Basic ${Buffer.from(`${key.publicKey}:${key.secretKey}`).toString("base64")}`, good, { "content-type": "application/json" })).status).toBe(200);
    expect((await send(`Bearer ${key.publicKey}`, good, { "content-type": "application/json" })).status).toBe(403);
  });
});
