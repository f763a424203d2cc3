import { describe, expect, it } from "vitest";
import * as feedbackRoute from "@/app/api/public/feedback/route";
import * as ingestRoute from "@/app/api/public/ingest/route";
import * as traceRoute from "@/app/api/public/traces/[traceId]/route";
import { db } from "@/lib/db";
import { forgetIngestSettings } from "@/lib/ingest/project-settings";
import { createKey, createOrgAndProject } from "../factories";
import { sampleTraceEvents } from "../support/ingest";
import { call, testClientIp } from "../support/route";

async function postFeedback(auth: string, body: unknown, origin?: string) {
  const headers: Record<string, string> = { authorization: auth, "content-type": "application/json", "x-pharos-client-ip": testClientIp() };
  if (origin) headers.origin = origin;
  const res = await feedbackRoute.POST(new Request("http://localhost/api/public/feedback", { method: "POST", headers, body: JSON.stringify(body) }), { params: Promise.resolve({}) });
  return { status: res.status, json: await res.json(), headers: res.headers };
}

describe("POST /api/public/feedback", () => {
  it("accepts thumbs from the browser-safe public key, counts them, and shows them on the trace", async () => {
    const t = await createOrgAndProject("feedback");
    const key = await createKey(t.project);
    const sample = sampleTraceEvents();
    await call(ingestRoute.POST, "POST", { authorization: `Bearer ${key.secretKey}`, body: { batch: sample.events } });

    const up = await postFeedback(`Bearer ${key.publicKey}`, { traceId: sample.traceId, value: "up", comment: "정확한 답변이에요" });
    expect(up.status).toBe(201);
    const down = await postFeedback(`Bearer ${key.publicKey}`, { id: "fb-2", traceId: sample.traceId, value: false });
    expect(down.status).toBe(201);
    // A retry with the same id counts once.
    await postFeedback(`Bearer ${key.publicKey}`, { id: "fb-2", traceId: sample.traceId, value: false });

    const trace = await call(traceRoute.GET, "GET", { authorization: `Bearer ${key.secretKey}`, params: { traceId: sample.traceId } });
    const feedback = trace.json.scores.filter((s: { name: string }) => s.name === "user_feedback");
    expect(feedback.map((s: { value: boolean }) => s.value).sort()).toEqual([false, true]);
    expect(feedback.find((s: { value: boolean }) => s.value).comment).toBe("정확한 답변이에요");
    const sums = await db.metricMinute.aggregate({ where: { projectId: t.project.id }, _sum: { thumbsUp: true, thumbsDown: true } });
    expect(sums._sum).toEqual({ thumbsUp: 1, thumbsDown: 1 });
  });

  it("lets public keys send only feedback, and only from configured origins", async () => {
    const t = await createOrgAndProject("cors");
    const key = await createKey(t.project);
    const ingest = await call(ingestRoute.POST, "POST", { authorization: `Bearer ${key.publicKey}`, body: { batch: sampleTraceEvents().events } });
    expect(ingest.status).toBe(403);

    const blocked = await postFeedback(`Bearer ${key.publicKey}`, { traceId: "t1", value: "up" }, "https://evil.example");
    expect(blocked.status).toBe(403);
    expect(blocked.headers.get("access-control-allow-origin")).toBeNull();

    await db.projectSettings.create({ data: { projectId: t.project.id, feedbackOrigins: ["https://app.example.com"] } });
    forgetIngestSettings(t.project.id);
    // No trace t1 in this project: accepted as pending (202), with the CORS headers all the same.
    const allowed = await postFeedback(`Bearer ${key.publicKey}`, { traceId: "t1", value: "down" }, "https://app.example.com");
    expect(allowed.status).toBe(202);
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://app.example.com");

    const preflight = feedbackRoute.OPTIONS(new Request("http://localhost/api/public/feedback", { method: "OPTIONS", headers: { origin: "https://app.example.com" } }));
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-headers")).toContain("authorization");

    const bad = await postFeedback(`Bearer ${key.publicKey}`, { traceId: "t1", value: "meh" });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/body\.value/);
  });
});

describe("ingest settings", () => {
  it("lets admins change PII rules, which apply to the next traces; others cannot", async () => {
    const { addMember } = await import("../factories");
    const settingsRoute = await import("@/app/api/projects/[projectId]/settings/ingest/route");
    const t = await createOrgAndProject("settings-pii");
    const key = await createKey(t.project);
    const engineer = await addMember(t, "engineer");
    const p = { projectId: t.project.id };
    const current = await call(settingsRoute.GET, "GET", { params: p, cookie: t.owner.cookie });
    expect(current.json.pii.enabled).toBe(true);

    const denied = await call(settingsRoute.PUT, "PUT", { params: p, cookie: engineer.cookie, body: { feedbackOrigins: ["https://x.example"] } });
    expect(denied.status).toBe(403);
    const bad = await call(settingsRoute.PUT, "PUT", { params: p, cookie: t.owner.cookie, body: { pii: { ...current.json.pii, customPatterns: [{ name: "order", pattern: "(" }] } } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/body\.pii\.customPatterns\.0\.pattern/);
    // Patterns run on the shared ingest path: catastrophic backtracking is refused, nothing is saved.
    const redos = await call(settingsRoute.PUT, "PUT", {
      params: p, cookie: t.owner.cookie,
      body: { pii: { ...current.json.pii, customPatterns: [{ name: "Fine", pattern: "EMP-\\d{5}" }, { name: "Words", pattern: "(\\w+\\s?)+$" }] } },
    });
    expect(redos.status).toBe(400);
    expect(redos.json.error.message).toMatch(/^body\.pii\.customPatterns\.1\.pattern: Pattern can backtrack exponentially/);
    const redosPrice = await call(settingsRoute.PUT, "PUT", {
      params: p, cookie: t.owner.cookie,
      body: { priceOverrides: [{ id: "x", modelPattern: "(gpt-?)*4o", inputPerMillion: 1, outputPerMillion: 1, effectiveFrom: new Date().toISOString() }] },
    });
    expect(redosPrice.status).toBe(400);
    expect(redosPrice.json.error.message).toMatch(/^body\.priceOverrides\.0\.modelPattern: Pattern can backtrack/);
    expect((await call(settingsRoute.GET, "GET", { params: p, cookie: t.owner.cookie })).json.pii.customPatterns).toEqual(current.json.pii.customPatterns);

    const saved = await call(settingsRoute.PUT, "PUT", {
      params: p,
      cookie: t.owner.cookie,
      body: { pii: { ...current.json.pii, detectors: { ...current.json.pii.detectors, email: false }, customPatterns: [{ name: "Order id", pattern: "ORD-\\d{6}" }] } },
    });
    expect(saved.status).toBe(200);
    const sample = sampleTraceEvents({ input: [{ role: "user", content: "I am ann@example.com, order ORD-123456" }] });
    await call(ingestRoute.POST, "POST", { authorization: `Bearer ${key.secretKey}`, body: { batch: sample.events } });
    const gen = await db.span.findFirstOrThrow({ where: { projectId: t.project.id, id: sample.genId } });
    expect(JSON.stringify(gen.input)).toContain("ann@example.com");
    expect(JSON.stringify(gen.input)).toContain("[REDACTED:ORDER_ID]");
    expect(JSON.stringify(gen.input)).not.toContain("ORD-123456");
  });
});

describe("price overrides", () => {
  it("prices spans with the project's override from its effective date on", async () => {
    const settingsRoute = await import("@/app/api/projects/[projectId]/settings/ingest/route");
    const t = await createOrgAndProject("prices");
    const key = await createKey(t.project);
    const effectiveFrom = new Date(Date.now() - 30 * 60_000);
    const saved = await call(settingsRoute.PUT, "PUT", {
      params: { projectId: t.project.id },
      cookie: t.owner.cookie,
      body: { priceOverrides: [{ id: "negotiated", modelPattern: "gpt-4o-mini", inputPerMillion: 1, outputPerMillion: 10, effectiveFrom: effectiveFrom.toISOString() }] },
    });
    expect(saved.status).toBe(200);
    const before = sampleTraceEvents({ start: new Date(effectiveFrom.getTime() - 3_600_000) });
    const after = sampleTraceEvents({ start: new Date(Date.now() - 60_000) });
    await call(ingestRoute.POST, "POST", { authorization: `Bearer ${key.secretKey}`, body: { batch: [...before.events, ...after.events] } });
    const spanOf = (id: string) => db.span.findFirstOrThrow({ where: { projectId: t.project.id, id } });
    const overridden = await spanOf(after.genId);
    // 1,200 input tokens at $1/M + 300 output tokens at $10/M.
    expect(overridden.totalCost?.toNumber()).toBeCloseTo(0.0012 + 0.003, 10);
    expect(overridden.priceSource).toBe("override:negotiated");
    const shipped = await spanOf(before.genId);
    expect(shipped.priceSource).toMatch(/^genai-prices:/);
    expect(shipped.totalCost?.toNumber()).not.toBeCloseTo(0.0042, 6);
  });
});
