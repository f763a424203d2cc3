import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import * as ingestRoute from "@/app/api/public/ingest/route";
import * as traceRoute from "@/app/api/public/traces/[traceId]/route";
import * as tracesRoute from "@/app/api/public/traces/route";
import { db } from "@/lib/db";
import { createKey, createOrgAndProject } from "../factories";
import { sampleTraceEvents } from "../support/ingest";
import { call } from "../support/route";

async function tenantWithKey(name: string) {
  const t = await createOrgAndProject(name);
  const key = await createKey(t.project);
  return { ...t, key, auth: `Bearer ${key.secretKey}` };
}

async function post(auth: string, body: unknown) {
  return call(ingestRoute.POST, "POST", { authorization: auth, body });
}

describe("POST /api/public/ingest", () => {
  it("stores a trace with its spans, usage, cost and summary, readable through the traces API", async () => {
    const t = await tenantWithKey("ingest");
    const sample = sampleTraceEvents();
    const res = await post(t.auth, { batch: sample.events });
    expect(res.status).toBe(207);
    expect(res.json.results).toEqual(sample.events.map((e) => ({ id: e.id, status: 201 })));

    const detail = await call(traceRoute.GET, "GET", { authorization: t.auth, params: { traceId: sample.traceId } });
    expect(detail.status).toBe(200);
    const trace = detail.json;
    expect(trace).toMatchObject({ id: sample.traceId, name: "answer-question", userId: "user-1", environment: "production", spanCount: 2, llmCount: 1, status: "ok" });
    expect(trace.latencyMs).toBe(1500);
    const gen = trace.spans.find((s: { id: string }) => s.id === sample.genId);
    expect(gen).toMatchObject({ parentId: sample.rootId, kind: "llm", model: "gpt-4o-mini", ttftMs: 300, latencyMs: 1300, promptName: "support-answer", promptVersion: 2 });
    expect(gen.usage).toMatchObject({ inputTokens: 1200, outputTokens: 300 });
    expect(gen.cost.total).toBeGreaterThan(0);
    expect(gen.cost.estimated).toBe(false);
    expect(trace.totalCost).toBeCloseTo(gen.cost.total, 10);

    const list = await call(tracesRoute.GET, "GET", { authorization: t.auth, query: { userId: "user-1" } });
    expect(list.json.data.map((x: { id: string }) => x.id)).toEqual([sample.traceId]);
  });

  it("is idempotent: a retried batch stores nothing twice and rollups do not double", async () => {
    const t = await tenantWithKey("idem");
    const sample = sampleTraceEvents();
    const score = { id: "score-1", type: "score", body: { id: "score-1", traceId: sample.traceId, name: "user_feedback", value: true } };
    await post(t.auth, { batch: [...sample.events, score] });
    const snapshot = async () => ({
      spans: await db.span.count({ where: { projectId: t.project.id } }),
      scores: await db.score.count({ where: { projectId: t.project.id } }),
      trace: await db.trace.findUniqueOrThrow({ where: { projectId_id: { projectId: t.project.id, id: sample.traceId } }, select: { spanCount: true, inputTokens: true, totalCost: true } }),
      minutes: await db.metricMinute.aggregate({ where: { projectId: t.project.id }, _sum: { count: true, thumbsUp: true, inputTokens: true } }),
    });
    const first = await snapshot();
    expect(first.spans).toBe(2);
    expect(first.minutes._sum).toMatchObject({ count: 1, thumbsUp: 1, inputTokens: 1200n });
    await post(t.auth, { batch: [...sample.events, score] });
    await Promise.all([post(t.auth, { batch: sample.events }), post(t.auth, { batch: sample.events })]);
    expect(await snapshot()).toEqual(first);
  });

  it("rejects bad events one by one and stores the rest", async () => {
    const t = await tenantWithKey("partial");
    const good = sampleTraceEvents();
    const now = new Date().toISOString();
    const bad = [
      { id: "end-before-start", type: "span", body: { id: "s1", traceId: good.traceId, name: "x", startTime: now, endTime: new Date(Date.now() - 5000).toISOString() } },
      { id: "no-trace-id", type: "generation", body: { id: "s2", name: "x", startTime: now, endTime: now } },
      { id: "wrong-type", type: "span", body: { id: "s3", traceId: good.traceId, name: 42, startTime: now, endTime: now } },
      { id: "unknown-type", type: "log", body: {} },
    ];
    const res = await post(t.auth, { batch: [...good.events, ...bad] });
    expect(res.status).toBe(207);
    const byId = Object.fromEntries(res.json.results.map((r: { id: string }) => [r.id, r]));
    expect(byId["end-before-start"].error.message).toMatch(/batch\[3\]\.body\.endTime: endTime is before startTime/);
    expect(byId["no-trace-id"].error.message).toMatch(/batch\[4\]\.body\.traceId/);
    expect(byId["wrong-type"].error.message).toMatch(/batch\[5\]\.body\.name/);
    expect(byId["unknown-type"].status).toBe(400);
    expect(res.json.results.filter((r: { status: number }) => r.status === 201)).toHaveLength(3);
    expect(await db.span.count({ where: { projectId: t.project.id } })).toBe(2);
  });

  it("answers every class of bad request with a 4xx and stores nothing", async () => {
    const t = await tenantWithKey("badreq");
    const valid = JSON.stringify({ batch: sampleTraceEvents().events });
    const send = (body: BodyInit, headers: Record<string, string> = {}) =>
      ingestRoute.POST(new Request("http://localhost/api/public/ingest", { method: "POST", body, headers: { authorization: t.auth, "content-type": "application/json", ...headers } }), { params: Promise.resolve({}) });
    const cases: [string, Promise<Response>, number, string][] = [
      ["malformed JSON", send("{\"batch\": ["), 400, "INVALID_JSON"],
      ["batch not an array", send(JSON.stringify({ batch: "x" })), 400, "INVALID"],
      ["empty batch", send(JSON.stringify({ batch: [] })), 400, "INVALID"],
      ["bad gzip", send(Buffer.from("definitely not gzip"), { "content-encoding": "gzip" }), 400, "INVALID"],
      ["unknown encoding", send(valid, { "content-encoding": "br" }), 415, "UNSUPPORTED_MEDIA_TYPE"],
      ["oversized", send("x".repeat(6 * 1024 * 1024)), 413, "PAYLOAD_TOO_LARGE"],
      ["gzip bomb", send(gzipSync(Buffer.alloc(30 * 1024 * 1024, 32)), { "content-encoding": "gzip" }), 413, "PAYLOAD_TOO_LARGE"],
    ];
    for (const [name, pending, status, code] of cases) {
      const res = await pending;
      expect(res.status, name).toBe(status);
      expect((await res.json()).error.code, name).toBe(code);
    }
    expect(await db.span.count({ where: { projectId: t.project.id } })).toBe(0);
    const gz = await send(gzipSync(Buffer.from(valid)), { "content-encoding": "gzip" });
    expect(gz.status).toBe(207);
    expect(await db.span.count({ where: { projectId: t.project.id } })).toBe(2);
  });

  it("masks PII before storing: the raw values appear nowhere in the database", async () => {
    const t = await tenantWithKey("pii");
    const secrets = ["jane.doe@example.com", "010-9876-5432", "4111 1111 1111 1111", "900101-1234568", "sk-proj-abcdefghijklmnopqrstuvwx12345678"];
    const sample = sampleTraceEvents({
      input: [{ role: "user", content: `제 이메일은 ${secrets[0]}이고 번호는 ${secrets[1]}입니다. 카드 ${secrets[2]}, 주민번호 ${secrets[3]}` }],
      output: { role: "assistant", content: `Use key ${secrets[4]} please` },
    });
    const res = await post(t.auth, { batch: sample.events });
    expect(res.status).toBe(207);
    const dump = JSON.stringify([
      await db.$queryRaw`select s::text from spans s where project_id = ${t.project.id}`,
      await db.$queryRaw`select t::text from traces t where project_id = ${t.project.id}`,
    ]);
    for (const secret of secrets) expect(dump, secret).not.toContain(secret);
    expect(dump).toContain("[REDACTED:EMAIL]");
    const gen = await db.span.findFirstOrThrow({ where: { projectId: t.project.id, id: sample.genId } });
    expect(gen.piiMasks).toBeGreaterThanOrEqual(5);
    expect(gen.flags).toContain("pii");
  });

  it("keeps each key inside its project", async () => {
    const a = await tenantWithKey("iso-a");
    const b = await tenantWithKey("iso-b");
    const sample = sampleTraceEvents();
    await post(a.auth, { batch: sample.events });
    expect((await call(traceRoute.GET, "GET", { authorization: b.auth, params: { traceId: sample.traceId } })).status).toBe(404);
    expect((await call(tracesRoute.GET, "GET", { authorization: b.auth })).json.data).toEqual([]);
    expect(await db.span.count({ where: { projectId: b.project.id } })).toBe(0);
    // Same client ids in another project are a different trace, not a duplicate.
    await post(b.auth, { batch: sample.events });
    expect(await db.span.count({ where: { projectId: b.project.id } })).toBe(2);
    expect(await db.span.count({ where: { projectId: a.project.id } })).toBe(2);
  });

  it("pages with a keyset cursor without skipping or repeating while traces arrive", async () => {
    const t = await tenantWithKey("pages");
    const base = Date.now() - 3_600_000;
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const s = sampleTraceEvents({ start: new Date(base + i * 60_000) });
      ids.push(s.traceId);
      await post(t.auth, { batch: s.events });
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    let page = 0;
    do {
      const res = await call(tracesRoute.GET, "GET", { authorization: t.auth, query: { limit: "3", ...(cursor ? { cursor } : {}) } });
      seen.push(...res.json.data.map((x: { id: string }) => x.id));
      cursor = res.json.nextCursor ?? undefined;
      // A newer trace arrives between pages; it must not shift later pages.
      if (page++ === 0) await post(t.auth, { batch: sampleTraceEvents().events });
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    expect((await call(tracesRoute.GET, "GET", { authorization: t.auth, query: { cursor: "garbage" } })).status).toBe(400);
  });
});
