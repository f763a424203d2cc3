// The fuzzers' shrunk counterexamples (tests/integration/fuzz-*.test.ts), kept as plain cases:
// each was a 500 before its fix. Strings Postgres cannot store (NUL, unpaired surrogates), ints
// past int4, JSON nested 100,000 deep, and a refine that read a field its own check had refused.
import { describe, expect, it } from "vitest";
import * as itemsRoute from "@/app/api/public/datasets/[name]/items/route";
import * as datasetsRoute from "@/app/api/public/datasets/route";
import * as feedbackRoute from "@/app/api/public/feedback/route";
import * as ingestRoute from "@/app/api/public/ingest/route";
import * as connectionRoute from "@/app/api/public/llm-connections/[name]/route";
import * as metricsRoute from "@/app/api/public/metrics/route";
import * as onlineEvalRoute from "@/app/api/public/online-evaluations/[name]/route";
import * as otelRoute from "@/app/api/public/otel/v1/traces/route";
import * as promptRoute from "@/app/api/public/prompts/[...name]/route";
import * as promptsRoute from "@/app/api/public/prompts/route";
import * as runRoute from "@/app/api/public/runs/[runId]/route";
import * as traceRoute from "@/app/api/public/traces/[traceId]/route";
import { db } from "@/lib/db";
import { createKey, createOrgAndProject } from "../factories";
import { projectRowCounts } from "../support/fuzz/project-rows";
import { hex } from "../support/ingest";
import { call } from "../support/route";

async function tenant() {
  const t = await createOrgAndProject("fuzz-regress");
  const key = await createKey(t.project);
  return { projectId: t.project.id, auth: `Bearer ${key.secretKey}`, pk: `Bearer ${key.publicKey}` };
}

const invalid = (res: { status: number; json: { error?: { code: string; message: string } } }, where: RegExp) => {
  expect(res.status, JSON.stringify(res.json)).toBe(400);
  expect(res.json.error?.code).toBe("INVALID");
  expect(res.json.error?.message).toMatch(where);
};

describe("fuzz counterexamples: NUL and unpaired surrogates answer 400 naming the field", () => {
  it("in bodies, path parameters and a percent-encoded name", async () => {
    const { projectId, auth, pk } = await tenant();
    const before = await projectRowCounts(projectId);
    invalid(await call(feedbackRoute.POST, "POST", { authorization: pk, rawBody: '{"traceId":"\\udc00","value":1}' }), /body\.traceId: must not contain NUL/);
    invalid(await call(promptsRoute.POST, "POST", { authorization: auth, rawBody: '{"name":"_","type":"text","template":"\\ud800"}' }), /body\.template/);
    invalid(await call(datasetsRoute.POST, "POST", { authorization: auth, rawBody: '{"name":"\\ud800","description":"d"}' }), /body\.name/);
    invalid(await call(onlineEvalRoute.PUT, "PUT", { authorization: auth, params: { name: "golden" }, rawBody: '{"enabled":false,"sampleRate":0,"evaluator":{"type":"contains","value":"\\u0000"}}' }), /body\.evaluator\.value/);
    invalid(await call(connectionRoute.PUT, "PUT", { authorization: auth, params: { name: "x\uDBFFy" }, body: { baseUrl: "http://127.0.0.1:9/v1", apiKey: "sk-fake", models: ["m"] } }), /params\.name/);
    invalid(await call(itemsRoute.POST, "POST", { authorization: auth, params: { name: "\u0000" }, body: { items: [{ input: "" }] } }), /params\.name/);
    invalid(await call(traceRoute.GET, "GET", { authorization: auth, params: { traceId: "\uD800" } }), /params\.traceId/);
    invalid(await call(runRoute.GET, "GET", { authorization: auth, params: { runId: "\u0000" } }), /params\.runId/);
    invalid(await call(promptRoute.GET, "GET", { authorization: auth, params: { name: ["\uD800"] } }), /params\.name/);
    invalid(await call(onlineEvalRoute.DELETE, "DELETE", { authorization: auth, params: { name: "%00%2F%2e%2e" } }), /params\.name/);
    invalid(await call(onlineEvalRoute.PUT, "PUT", { authorization: auth, params: { name: "%00%2F%2e%2e" }, body: { sampleRate: 50, evaluator: { type: "length", max: 400 } } }), /params\.name/);
    expect(await projectRowCounts(projectId)).toEqual(before);
  });

  it("ingested data keeps its events, with U+FFFD in place of each such character", async () => {
    const { projectId, auth } = await tenant();
    const traceId = hex(16);
    const res = await call(ingestRoute.POST, "POST", {
      authorization: auth,
      rawBody: JSON.stringify({ batch: [{ id: "e1", type: "trace", body: { id: traceId, name: "a\u0000b", input: { "k\uD800": "\uDC00x" } } }] }),
    });
    expect(res.status).toBe(207);
    expect(res.json.results[0].status).toBe(201);
    const trace = await db.trace.findUniqueOrThrow({ where: { projectId_id: { projectId, id: traceId } } });
    expect(trace.traceName).toBe("a\uFFFDb");
    expect(trace.input).toEqual({ "k\uFFFD": "\uFFFDx" });
  });
});

describe("fuzz counterexamples: other 500s", () => {
  it("an int past int4 in a query is a 400, not an overflow in Postgres", async () => {
    const { auth } = await tenant();
    invalid(await call(metricsRoute.GET, "GET", { authorization: auth, query: { from: "2000-01-01T00:00:00.000Z", to: "2000-01-01T00:00:00.001Z", promptVersion: "2147483648" } }), /query\.promptVersion/);
    invalid(await call(promptRoute.GET, "GET", { authorization: auth, params: { name: ["support", "answer"] }, query: { version: "2147483648" } }), /query\.version/);
  });

  it("metrics' range checks do not read a date their own field check refused", async () => {
    const { auth } = await tenant();
    invalid(await call(metricsRoute.GET, "GET", { authorization: auth, query: { from: '["2000-01-01T00:00:00.000Z"]', to: "2000-01-01T00:00:00.000Z" } }), /query\.from/);
  });

  it("a span's endTime-after-startTime check does not read a time its own field check refused", async () => {
    const { projectId, auth } = await tenant();
    const span = (body: object) => ({ batch: [{ id: "e-1", type: "span", body: { id: "s-1", traceId: "t-1", name: "x", ...body } }] });
    for (const body of [{ startTime: "yesterday", endTime: "2026-01-01T00:00:00Z" }, { startTime: "2026-01-01T00:00:00Z", endTime: [1] }, { startTime: -5, endTime: {} }]) {
      const res = await call(ingestRoute.POST, "POST", { authorization: auth, body: span(body) });
      expect(res.status, JSON.stringify(res.json)).toBe(207);
      expect(res.json.results[0]).toMatchObject({ id: "e-1", status: 400, error: { code: "INVALID" } });
      expect(res.json.results[0].error.message).toMatch(/batch\[0\]\.body\.(startTime|endTime)/);
    }
    expect(await db.span.count({ where: { projectId } })).toBe(0);
  });

  it("JSON nested 100,000 deep is a 400 (it overflowed the stack)", async () => {
    const { projectId, auth } = await tenant();
    const deep = "[".repeat(100_000) + "1" + "]".repeat(100_000);
    invalid(await call(datasetsRoute.POST, "POST", { authorization: auth, rawBody: `{"deep":${deep},"name":"x"}` }), /nested deeper than 128/);
    invalid(await call(ingestRoute.POST, "POST", { authorization: auth, rawBody: `{"batch":[{"id":"e","type":"trace","body":{"id":"t","input":${deep}}}]}` }), /nested deeper than 128/);
    expect(await db.trace.count({ where: { projectId } })).toBe(0);
  });

  it("an OTLP token count of 2^31 is dropped, not a 500 (the column is int4)", async () => {
    const { projectId, auth } = await tenant();
    // Shrunk from fuzz-otlp: gen_ai.usage.input_tokens as the double 2147483648.
    const bytes = Buffer.from([10,102,10,0,18,98,10,0,18,94,10,16,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,0,18,8,0,0,0,0,0,0,0,1,42,4,99,104,97,116,57,255,255,255,255,255,255,255,255,65,255,255,255,255,255,255,255,255,74,38,10,25,103,101,110,95,97,105,46,117,115,97,103,101,46,105,110,112,117,116,95,116,111,107,101,110,115,18,9,33,0,0,0,0,0,0,224,65,122,0]);
    const res = await otelRoute.POST(new Request("http://localhost/api/public/otel/v1/traces", { method: "POST", headers: { authorization: auth, "content-type": "application/x-protobuf" }, body: bytes }), { params: Promise.resolve({}) });
    expect(res.status, await res.clone().text()).toBe(200);
    const spans = await db.span.findMany({ where: { projectId }, select: { inputTokens: true } });
    expect(spans).toEqual([{ inputTokens: null }]);
  });

  it("an OTLP span whose model is 10,400 characters is rejected by name in partial_success, its neighbour stored (the value could not fit a btree entry and failed the write)", async () => {
    const { projectId, auth } = await tenant();
    const span = (spanId: string, model: string) => ({
      traceId: hex(16), spanId, name: "chat", kind: 3, startTimeUnixNano: "1700000000000000000", endTimeUnixNano: "1700000001000000000",
      attributes: [{ key: "gen_ai.operation.name", value: { stringValue: "chat" } }, { key: "gen_ai.request.model", value: { stringValue: model } }],
    });
    const body = { resourceSpans: [{ resource: { attributes: [] }, scopeSpans: [{ scope: { name: "t" }, spans: [span("aaaaaaaaaaaaaaa1", "m".repeat(10_400)), span("aaaaaaaaaaaaaaa2", "gpt-4o")] }] }] };
    const res = await otelRoute.POST(new Request("http://localhost/api/public/otel/v1/traces", { method: "POST", headers: { authorization: auth, "content-type": "application/json" }, body: JSON.stringify(body) }), { params: Promise.resolve({}) });
    const text = await res.text();
    expect(res.status, text).toBe(200);
    const answer = JSON.parse(text) as { partialSuccess: { rejectedSpans: string; errorMessage: string } };
    expect(answer.partialSuccess.rejectedSpans).toBe("1");
    expect(answer.partialSuccess.errorMessage).toMatch(/span "aaaaaaaaaaaaaaa1": model is 10400 characters, at most 256/);
    expect(await db.span.findMany({ where: { projectId }, select: { id: true } })).toEqual([{ id: "aaaaaaaaaaaaaaa2" }]);
  });
});
