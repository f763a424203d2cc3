import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as driftRoute from "@/app/api/projects/[projectId]/drift/route";
import * as reportRoute from "@/app/api/projects/[projectId]/drift/reports/[reportId]/route";
import * as inboxRoute from "@/app/api/projects/[projectId]/drift/reports/[reportId]/clusters/[cluster]/inbox/route";
import * as reportsRoute from "@/app/api/projects/[projectId]/drift/reports/route";
import * as settingsRoute from "@/app/api/projects/[projectId]/drift/settings/route";
import * as ingestRoute from "@/app/api/public/ingest/route";
import * as otelRoute from "@/app/api/public/otel/v1/traces/route";
import { seedDemoTraces } from "@/lib/bootstrap/seed-demo-traces";
import { db } from "@/lib/db";
import { latestDriftDistance } from "@/lib/drift/latest-distance";
import { createDriftReport } from "@/lib/drift/create-drift-report";
import { runDriftReport } from "@/lib/drift/run-drift-report";
import { refreshProjectDrift } from "@/lib/drift/refresh-project-drift";
import { seededRng } from "@/lib/drift/math/rng";
import { sampleQuestion } from "@/lib/drift/math/sample-texts";
import { embeddingSettings } from "@/lib/drift/embedding-settings";
import type { DriftWindow } from "@/lib/schemas/drift";
import { updateEmbeddingSettings } from "@/lib/drift/update-embedding-settings";
import { computeMissingEmbeddings } from "@/lib/embeddings/compute-embeddings";
import { decodeVector } from "@/lib/embeddings/vector-codec";
import { addMember, createKey, createOrgAndProject } from "../factories";
import { call } from "../support/route";
import { hex } from "../support/ingest";

const ns = (ms: number) => `${BigInt(ms) * 1_000_000n}`;

function spanEvent(traceId: string, extra: Record<string, unknown> = {}, start = new Date(Date.now() - 60_000)) {
  const id = hex(8);
  return {
    id: `e-${id}`, type: "generation",
    body: { id, traceId, name: "chat", startTime: start.toISOString(), endTime: new Date(start.getTime() + 500).toISOString(), model: "gpt-4o-mini", input: "How do refunds work?", ...extra },
  };
}

async function sendBatch(secretKey: string, batch: object[]) {
  return call(ingestRoute.POST, "POST", { authorization: `Bearer ${secretKey}`, body: { batch } });
}

describe("embeddings at ingest", () => {
  it("stores vectors sent with batch-API spans, per field and model, as float32", async () => {
    const t = await createOrgAndProject("drift-batch");
    const key = await createKey(t.project);
    const traceId = hex(16);
    const res = await sendBatch(key.secretKey, [
      spanEvent(traceId, { embeddings: [{ field: "input", model: "my-embed", vector: [0.5, -0.25, 0.125] }, { field: "output", model: "my-embed", vector: [1, 0, 0] }] }),
    ]);
    expect(res.status).toBe(207);
    expect(res.json.results[0].status).toBe(201);
    const rows = await db.embedding.findMany({ where: { projectId: t.project.id }, orderBy: { field: "asc" } });
    expect(rows.map((r) => [r.field, r.model, r.dimension, r.source])).toEqual([["input", "my-embed", 3, "client"], ["output", "my-embed", 3, "client"]]);
    expect(Array.from(decodeVector(rows[0]!.vector))).toEqual([0.5, -0.25, 0.125]);
    expect(await db.embeddingModel.findUnique({ where: { projectId_model: { projectId: t.project.id, model: "my-embed" } } })).toMatchObject({ dimension: 3 });
  });

  it("rejects a vector whose dimension differs from what the project stores for that model, naming event and field", async () => {
    const t = await createOrgAndProject("drift-dims");
    const key = await createKey(t.project);
    const traceId = hex(16);
    await sendBatch(key.secretKey, [spanEvent(traceId, { embeddings: [{ field: "input", model: "m", vector: [1, 0, 0, 0] }] })]);
    const res = await sendBatch(key.secretKey, [
      spanEvent(traceId, { embeddings: [{ field: "input", model: "m", vector: [1, 0, 0, 0] }] }),
      spanEvent(traceId, { embeddings: [{ field: "output", model: "m", vector: [1, 0] }] }),
      spanEvent(traceId, { embeddings: [{ field: "input", model: "other", vector: [1, 0] }] }),
      spanEvent(traceId, { embeddings: [{ field: "input", model: "other", vector: [1, 0, 0] }] }),
    ]);
    expect(res.status).toBe(207);
    expect(res.json.results.map((r: { status: number }) => r.status)).toEqual([201, 400, 201, 400]);
    expect(res.json.results[1].error.message).toBe(
      'batch[1].body.embeddings[0].vector: output vector of model "m" has 2 dimensions but this project stores 4 for that model; vectors of different dimensions are never compared, so send them under another model name',
    );
    expect(res.json.results[3].error.message).toMatch(/^batch\[3\]\.body\.embeddings\[0\]\.vector: input vector of model "other" has 3 dimensions but an earlier vector in this request has 2/);
    // The rejected events' spans are not stored at all; the good ones are.
    expect(await db.span.count({ where: { projectId: t.project.id } })).toBe(3);
    expect(await db.embedding.count({ where: { projectId: t.project.id } })).toBe(3);
    // Bad vectors are a 400 per event, never a 500.
    const bad = await sendBatch(key.secretKey, [spanEvent(traceId, { embeddings: [{ field: "prompt", model: "m", vector: [] }] })]);
    expect(bad.json.results[0].status).toBe(400);
    expect(bad.json.results[0].error.message).toMatch(/batch\[0\]\.body\.embeddings\.0\.field/);
  });

  it("stores OpenInference embedding vectors from OTLP and rejects mismatched ones per span", async () => {
    const t = await createOrgAndProject("drift-otlp");
    const key = await createKey(t.project);
    const traceId = hex(16);
    const t0 = Date.now() - 5000;
    const span = (vector: number[]) => ({
      traceId, spanId: hex(8), name: "embed", kind: 1, startTimeUnixNano: ns(t0), endTimeUnixNano: ns(t0 + 30), status: { code: 0 },
      attributes: [
        { key: "openinference.span.kind", value: { stringValue: "EMBEDDING" } },
        { key: "embedding.model_name", value: { stringValue: "text-embedding-3-small" } },
        { key: "embedding.embeddings.0.embedding.text", value: { stringValue: "환불 받을 수 있나요?" } },
        { key: "embedding.embeddings.0.embedding.vector", value: { arrayValue: { values: vector.map((v) => ({ doubleValue: v })) } } },
      ],
    });
    const body = { resourceSpans: [{ resource: { attributes: [] }, scopeSpans: [{ scope: { name: "oi" }, spans: [span([0.6, 0.8, 0]), span([1, 0])] }] }] };
    const res = await otelRoute.POST(new Request("http://localhost/api/public/otel/v1/traces", {
      method: "POST", body: JSON.stringify(body), headers: { authorization: `Bearer ${key.secretKey}`, "content-type": "application/json" },
    }), { params: Promise.resolve({}) });
    expect(res.status).toBe(200);
    const parsed = JSON.parse(await res.text());
    expect(Number(parsed.partialSuccess.rejectedSpans)).toBe(1);
    expect(parsed.partialSuccess.errorMessage).toMatch(/input vector of model "text-embedding-3-small" has 2 dimensions but an earlier vector in this request has 3/);
    const rows = await db.embedding.findMany({ where: { projectId: t.project.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ field: "input", model: "text-embedding-3-small", dimension: 3, source: "client" });
    expect(Array.from(decodeVector(rows[0]!.vector)).map((v) => Number(v.toFixed(5)))).toEqual([0.6, 0.8, 0]);
  });
});

/** Seeds LLM spans for each day before `now`: English questions, Korean refund questions where `shifted(day)` says so. */
async function seedQuestions(secretKey: string, now: Date, days: number, perDay: number, shiftedShare: (daysAgo: number) => number) {
  const rng = seededRng(99);
  const dayStart = Math.floor(now.getTime() / 86_400_000) * 86_400_000;
  const events: object[] = [];
  for (let d = days; d >= 0; d--) {
    const start = dayStart - d * 86_400_000;
    const span = Math.min(86_400_000, now.getTime() - start) - 60_000;
    for (let i = 0; i < perDay; i++) {
      const topic = rng() < shiftedShare(d) ? "ko-refund" : rng() < 0.75 ? "en-billing" : "en-product";
      const at = new Date(start + Math.floor(rng() * span));
      events.push(spanEvent(hex(16), { input: [{ role: "system", content: "You are a support agent." }, { role: "user", content: sampleQuestion(rng, topic) }] }, at));
    }
  }
  for (let i = 0; i < events.length; i += 500) {
    const res = await sendBatch(secretKey, events.slice(i, i + 500));
    expect(res.json.results.every((r: { status: number }) => r.status === 201)).toBe(true);
  }
}

describe("drift reports (worker job functions)", () => {
  it.each(["2026-09-15T20:00:00Z", "2026-09-16T08:50:00Z"])("finds the drift the demo data contains (seeded at %s): the last day turns to Korean refund questions", async (at) => {
    const t = await createOrgAndProject("drift-demo");
    const now = new Date(at);
    await seedDemoTraces({ projectId: t.project.id, now });
    const [reportId] = await refreshProjectDrift({ projectId: t.project.id, now });
    const report = await db.driftReport.findUniqueOrThrow({ where: { projectId_id: { projectId: t.project.id, id: reportId! } } });
    const windows = report.windows as { drifted: boolean; start: string }[];
    // 30 hours of drift before now: the day before is the first window that differs from its reference.
    expect(windows.map((w) => w.drifted).slice(0, 5)).toEqual([false, false, false, false, false]);
    expect(windows[5]).toMatchObject({ start: new Date(Math.floor(now.getTime() / 86_400_000 - 1) * 86_400_000).toISOString(), drifted: true });
    const clusters = (report.projection as { clusters: { lift: number; examples: { text: string }[] }[] }).clusters;
    expect(clusters[0]!.lift).toBeGreaterThan(2);
    // The most over-represented cluster is the new topic, and its examples are distinct questions.
    expect(clusters[0]!.examples.filter((e) => /환불/.test(e.text)).length).toBeGreaterThanOrEqual(2);
    expect(new Set(clusters[0]!.examples.map((e) => e.text)).size).toBe(clusters[0]!.examples.length);
  });

  it("embeds span text offline and marks the shifted window drifted, not the stable ones", async () => {
    const t = await createOrgAndProject("drift-report");
    const key = await createKey(t.project);
    const now = new Date("2026-10-10T18:00:00Z");
    await seedQuestions(key.secretKey, now, 7, 40, (daysAgo) => (daysAgo === 0 ? 0.8 : 0));
    const [embedded] = await computeMissingEmbeddings({ projectId: t.project.id, now });
    expect(embedded).toMatchObject({ field: "input", embedded: 320, skipped: 0 });
    expect(embedded!.model).toMatch(/^pharos-offline-v1\+idf\.[0-9a-f]{8}$/);
    // A second pass finds nothing left to embed.
    expect((await computeMissingEmbeddings({ projectId: t.project.id, now }))[0]!.embedded).toBe(0);

    const done = await refreshProjectDrift({ projectId: t.project.id, now, embed: false });
    expect(done).toHaveLength(1);
    const report = await db.driftReport.findUniqueOrThrow({ where: { projectId_id: { projectId: t.project.id, id: done[0]! } } });
    expect(report).toMatchObject({ status: "done", progress: 1, field: "input", model: embedded!.model, granularity: "day", baseline: "trailing", unit: "trace", drifted: true });
    const windows = report.windows as { drifted: boolean; currentCount: number; distance: number; floor: number; adjustedP: number; partial: boolean }[];
    expect(windows).toHaveLength(7);
    expect(windows.map((w) => w.drifted)).toEqual([false, false, false, false, false, false, true]);
    expect(windows.every((w) => w.currentCount === 40)).toBe(true);
    expect(windows[6]!.partial).toBe(true);
    expect(windows[6]!.distance).toBeGreaterThan(windows[6]!.floor);
    expect(windows[6]!.adjustedP).toBeLessThan(0.01);
    // The map shows the shifted window; its top cluster is the Korean refund questions.
    const projection = report.projection as { window: number; points: { set: string; traceId: string }[]; clusters: { lift: number; excess: number; traceIds: string[]; examples: { traceId: string; text: string }[] }[] };
    expect(projection.window).toBe(6);
    expect(projection.points.filter((p) => p.set === "current")).toHaveLength(40);
    // Ranked by excess share: most of the window is traffic the reference week did not have. k-means
    // runs over units in trace-id order (random ids), so the refund questions sometimes share a
    // cluster with old billing ones; its examples still show what is new.
    expect(projection.clusters[0]!.excess).toBeGreaterThan(0.3);
    const examples = projection.clusters[0]!.examples;
    expect(examples.filter((e) => /환불/.test(e.text)).length, examples.map((e) => e.text).join(" | ")).toBeGreaterThanOrEqual(Math.ceil(examples.length / 2));
    const deep = report.deepCheck as { mmd: { pValue: number }; classifier: { low: number } };
    expect(deep.mmd.pValue).toBeLessThan(0.01);
    expect(deep.classifier.low).toBeGreaterThan(0.5);
    // The drift alert measure: the only flagged window is still open (partial), so it does not count yet.
    expect(await latestDriftDistance(t.project.id)).toBe(0);
    // Not recomputed until a window closes; recomputed after.
    expect(await refreshProjectDrift({ projectId: t.project.id, now: new Date(now.getTime() + 3_600_000), embed: false })).toEqual([]);
    const [recomputed] = await refreshProjectDrift({ projectId: t.project.id, now: new Date("2026-10-11T00:30:00Z"), embed: false });
    expect(recomputed).toBeDefined();
    // Now the shifted day has closed and is flagged: the measure is its noise-corrected effect.
    const newest = await db.driftReport.findUniqueOrThrow({ where: { projectId_id: { projectId: t.project.id, id: recomputed! } } });
    const newestWindows = newest.windows as { start: string; drifted: boolean; partial: boolean; insufficient: boolean; effect: number }[];
    expect(newestWindows[5]).toMatchObject({ start: "2026-10-10T00:00:00.000Z", drifted: true, partial: false });
    expect(newestWindows[6]).toMatchObject({ partial: true, insufficient: true });
    expect(newestWindows[5]!.effect).toBeGreaterThan(0.05);
    expect(await latestDriftDistance(t.project.id)).toBe(newestWindows[5]!.effect);
    expect(await latestDriftDistance(t.project.id, new Date(Date.now() + 3 * 86_400_000))).toBeNull();

    // API: list, read, send the top cluster to the inbox.
    const owner = t.owner.cookie;
    const list = await call(reportsRoute.GET, "GET", { cookie: owner, params: { projectId: t.project.id } });
    expect(list.status).toBe(200);
    expect(list.json.reports[0].projection).toBeUndefined();
    const one = await call(reportRoute.GET, "GET", { cookie: owner, params: { projectId: t.project.id, reportId: report.id } });
    expect(one.json.report.projection.clusters.length).toBeGreaterThan(1);
    const topCluster = projection.clusters[0] as unknown as { cluster: number; traceIds: string[] };
    const sent = await call(inboxRoute.POST, "POST", { cookie: owner, params: { projectId: t.project.id, reportId: report.id, cluster: String(topCluster.cluster) } });
    expect(sent.status).toBe(200);
    expect(sent.json.traces).toBe(new Set(topCluster.traceIds).size);
    const items = await db.triageItem.findMany({ where: { projectId: t.project.id } });
    expect(items.map((i) => i.traceId).sort()).toEqual([...new Set(topCluster.traceIds)].sort());
    expect(items.every((i) => i.reasons.includes("drift"))).toBe(true);
  });

  it("compute now queues a report for the worker and says what to send when there are no vectors", async () => {
    const t = await createOrgAndProject("drift-now");
    const empty = await call(reportsRoute.POST, "POST", { cookie: t.owner.cookie, params: { projectId: t.project.id }, body: {} });
    expect(empty.status).toBe(409);
    expect(empty.json.error.message).toMatch(/No input embeddings .*send vectors with your spans/);
    const key = await createKey(t.project);
    await sendBatch(key.secretKey, [spanEvent(hex(16), { embeddings: [{ field: "input", model: "client-model", vector: [1, 0, 0] }] })]);
    const res = await call(reportsRoute.POST, "POST", { cookie: t.owner.cookie, params: { projectId: t.project.id }, body: { granularity: "hour" } });
    expect(res.status).toBe(202);
    expect(res.json.report).toMatchObject({ status: "queued", model: "client-model", field: "input", granularity: "hour" });
    const jobs = await db.$queryRaw<{ n: number }[]>`select count(*)::int as n from pgboss.job where name = 'compute-drift' and data->>'reportId' = ${res.json.report.id as string}`;
    expect(jobs[0]!.n).toBe(1);
    // The job function on a window with one vector: every window is "insufficient", nothing drifted.
    const done = await runDriftReport({ projectId: t.project.id, reportId: res.json.report.id });
    expect(done).toMatchObject({ status: "done", drifted: false });
    expect((done!.windows as { insufficient: boolean }[]).every((w) => w.insufficient)).toBe(true);
    expect((done!.windows as { currentCount: number }[]).reduce((s, w) => s + w.currentCount, 0)).toBe(1);
    // Span filters narrow the vectors: none of this project's spans is in "staging".
    const filtered = await call(reportsRoute.POST, "POST", { cookie: t.owner.cookie, params: { projectId: t.project.id }, body: { granularity: "hour", filters: { environment: "staging" } } });
    expect(filtered.json.report.filters).toEqual({ environment: "staging" });
    const none = await runDriftReport({ projectId: t.project.id, reportId: filtered.json.report.id });
    expect((none!.windows as { currentCount: number }[]).reduce((s, w) => s + w.currentCount, 0)).toBe(0);
  });
});

describe("drift units and the drift alert measure", () => {
  it("counts one vector per trace (agent traces repeat the question in every LLM span), or per session", async () => {
    const t = await createOrgAndProject("drift-units");
    const key = await createKey(t.project);
    const now = new Date("2026-10-20T12:00:00Z");
    const events: object[] = [];
    // 12 traces in 6 sessions; each trace has 3 LLM spans with the same vector (the same last user message).
    for (let i = 0; i < 12; i++) {
      const traceId = hex(16);
      const vector = Array.from({ length: 4 }, (_, j) => (j === i % 4 ? 1 : 0.1 * (i + j)));
      for (let c = 0; c < 3; c++) {
        events.push(spanEvent(traceId, { sessionId: `session-${i % 6}`, embeddings: [{ field: "input", model: "agent-model", vector }] }, new Date(now.getTime() - 3_600_000 + i * 60_000 + c * 1000)));
      }
    }
    expect((await sendBatch(key.secretKey, events)).status).toBe(207);
    const settings = await embeddingSettings({ projectId: t.project.id });
    const byTrace = await createDriftReport({ projectId: t.project.id, field: "input", model: "agent-model", settings: { ...settings, windows: 2 }, now });
    const traced = await runDriftReport({ projectId: t.project.id, reportId: byTrace.id, now });
    expect(traced!.unit).toBe("trace");
    expect((traced!.windows as { currentCount: number }[]).map((w) => w.currentCount)).toEqual([0, 12]);
    const bySession = await createDriftReport({ projectId: t.project.id, field: "input", model: "agent-model", settings: { ...settings, windows: 2, unit: "session" }, now });
    const sessioned = await runDriftReport({ projectId: t.project.id, reportId: bySession.id, now });
    expect(sessioned!.unit).toBe("session");
    expect((sessioned!.windows as { currentCount: number }[]).map((w) => w.currentCount)).toEqual([0, 6]);
  });

  it("the drift measure fires on a flagged closed window, not on a flagged partial one or an unflagged report", async () => {
    const t = await createOrgAndProject("drift-measure");
    const settings = await embeddingSettings({ projectId: t.project.id });
    const window = (day: number, over: Partial<DriftWindow> = {}): DriftWindow => ({
      start: `2026-10-0${day}T00:00:00.000Z`, end: `2026-10-0${day + 1}T00:00:00.000Z`, referenceCount: 300, currentCount: 40, distance: 0.1, pValue: 0.2,
      adjustedP: 0.6, noise: 0.08, floor: 0.09, effect: 0.02, spread: 0.9, belowFloor: false, drifted: false, insufficient: false, partial: false, ...over,
    });
    let order = 0;
    const seed = async (model: string, windows: DriftWindow[], filters?: object) => {
      // createdAt orders the reports: one second apart, newest last.
      const report = await createDriftReport({ projectId: t.project.id, field: "input", model, settings, filters: (filters ?? null) as never, now: new Date(Date.now() + ++order * 1000) });
      await db.driftReport.update({ where: { projectId_id: { projectId: t.project.id, id: report.id } }, data: { status: "done", completedAt: new Date(), windows: windows as never } });
    };
    expect(await latestDriftDistance(t.project.id)).toBeNull();
    // Unflagged: 0 (a "> 0" rule does not fire, and resolves).
    await seed("m1", [window(1), window(2)]);
    expect(await latestDriftDistance(t.project.id)).toBe(0);
    // Flagged only in the open window: still 0; an older flagged closed window does not count either.
    await seed("m1", [window(1, { drifted: true, effect: 0.3 }), window(2), window(3, { drifted: true, effect: 0.4, partial: true })]);
    expect(await latestDriftDistance(t.project.id)).toBe(0);
    // A filtered report is not the scheduled one: ignored.
    await seed("m1", [window(1), window(2, { drifted: true, effect: 0.5 })], { environment: "staging" });
    expect(await latestDriftDistance(t.project.id)).toBe(0);
    // The newest unfiltered report's latest closed window flagged: its effect.
    await seed("m1", [window(1), window(2, { drifted: true, effect: 0.12 }), window(3, { partial: true, insufficient: true })]);
    expect(await latestDriftDistance(t.project.id)).toBe(0.12);
    // Another model flagged more strongly: the largest flagged effect; an unflagged model adds nothing.
    await seed("m2", [window(1), window(2, { drifted: true, effect: 0.2 })]);
    await seed("m3", [window(1), window(2, { distance: 0.9 })]);
    expect(await latestDriftDistance(t.project.id)).toBe(0.2);
  });

  it("refuses alpha and window counts whose Holm threshold the permutation test cannot resolve, naming the field", async () => {
    const t = await createOrgAndProject("drift-alpha");
    const params = { projectId: t.project.id };
    const both = await call(settingsRoute.PUT, "PUT", { cookie: t.owner.cookie, params, body: { alpha: 0.001, windows: 60 } });
    expect(both.status).toBe(400);
    expect(both.json.error.message).toMatch(/^body\.alpha: alpha is too small for this many windows/);
    expect((await call(settingsRoute.PUT, "PUT", { cookie: t.owner.cookie, params, body: { alpha: 0.001 } })).status).toBe(200);
    const windows = await call(settingsRoute.PUT, "PUT", { cookie: t.owner.cookie, params, body: { windows: 60 } });
    expect(windows.status).toBe(400);
    expect(windows.json.error.message).toMatch(/^body\.windows: alpha 0\.001 is too small for 60 windows.*alpha ≥ 0\.006/);
    expect((await embeddingSettings({ projectId: t.project.id })).windows).toBe(7);
  });
});

/** A fake OpenAI-compatible embeddings server on 127.0.0.1 whose behaviour each test sets. */
type Behaviour = "ok" | "rate-limit-once" | "server-error" | "wrong-dimension";
let server: Server;
let baseUrl: string;
let behaviour: Behaviour = "ok";
const seen: { auth: string | undefined; body: { model: string; input: string[] } }[] = [];

beforeAll(async () => {
  let rateLimited = false;
  server = createServer(async (req: IncomingMessage, res) => {
    let raw = "";
    for await (const chunk of req) raw += chunk;
    const body = JSON.parse(raw) as { model: string; input: string[] };
    seen.push({ auth: req.headers.authorization, body });
    const reply = (status: number, payload: object, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(payload));
    };
    if (req.url !== "/v1/embeddings" || req.method !== "POST") return reply(404, { error: { message: "not found" } });
    if (req.headers.authorization !== "Bearer sk-good") return reply(401, { error: { message: "Incorrect API key provided" } });
    if (behaviour === "rate-limit-once" && !rateLimited) {
      rateLimited = true;
      return reply(429, { error: { message: "Rate limit reached" } }, { "retry-after": "0" });
    }
    if (behaviour === "server-error") return reply(500, { error: { message: "upstream exploded" } });
    const data = body.input.map((text, index) => {
      const dim = behaviour === "wrong-dimension" && index === 1 ? 3 : 4;
      return { object: "embedding", index, embedding: Array.from({ length: dim }, (_, j) => ((text.length * (j + 1)) % 7) / 7 + (/[가-힣]/.test(text) ? j : 0)) };
    });
    reply(200, { object: "list", data, model: body.model });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("provider embeddings (fake OpenAI-compatible server)", () => {
  async function projectWithSpans(name: string, apiKey: string) {
    const t = await createOrgAndProject(name);
    const key = await createKey(t.project);
    await sendBatch(key.secretKey, [0, 1, 2].map((i) => spanEvent(hex(16), { input: [{ role: "user", content: `question number ${i} about refunds` }] })));
    const put = await call(settingsRoute.PUT, "PUT", {
      cookie: t.owner.cookie, params: { projectId: t.project.id },
      body: { provider: "provider", fields: ["input"], providerConfig: { baseUrl, model: "fake-embed-4", apiKey } },
    });
    expect(put.status).toBe(200);
    return t;
  }

  it("stores the API key encrypted, never returns it, and embeds span text through POST /v1/embeddings", async () => {
    behaviour = "ok";
    const t = await projectWithSpans("prov-ok", "sk-good");
    const stored = JSON.stringify((await db.projectSettings.findUniqueOrThrow({ where: { projectId: t.project.id } })).embeddingSettings);
    expect(stored).not.toContain("sk-good");
    const get = await call(settingsRoute.GET, "GET", { cookie: t.owner.cookie, params: { projectId: t.project.id } });
    expect(get.json.settings.providerConfig).toEqual({ baseUrl, model: "fake-embed-4", hasApiKey: true });
    expect(JSON.stringify(get.json)).not.toContain("sk-good");

    seen.length = 0;
    const [result] = await computeMissingEmbeddings({ projectId: t.project.id });
    expect(result).toMatchObject({ field: "input", model: "fake-embed-4", embedded: 3 });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.auth).toBe("Bearer sk-good");
    expect(seen[0]!.body.model).toBe("fake-embed-4");
    expect(seen[0]!.body.input.sort()).toEqual(["question number 0 about refunds", "question number 1 about refunds", "question number 2 about refunds"]);
    const rows = await db.embedding.findMany({ where: { projectId: t.project.id } });
    expect(rows.map((r) => [r.source, r.dimension])).toEqual([["provider", 4], ["provider", 4], ["provider", 4]]);
    // Updating other settings keeps the stored key.
    await updateEmbeddingSettings({ projectId: t.project.id, changes: { windows: 10, providerConfig: { baseUrl, model: "fake-embed-4" } } });
    expect((await embeddingSettings({ projectId: t.project.id })).providerConfig?.apiKeyEncrypted).toBeTruthy();
  });

  it("keeps a watermark per provider model: a new model starts with a sweep, switching back resumes the old one", async () => {
    behaviour = "ok";
    const t = await projectWithSpans("prov-switch", "sk-good");
    const key = await createKey(t.project);
    expect((await computeMissingEmbeddings({ projectId: t.project.id }))[0]).toMatchObject({ model: "fake-embed-4", embedded: 3, sweep: true });
    await updateEmbeddingSettings({ projectId: t.project.id, changes: { providerConfig: { baseUrl, model: "fake-embed-b" } } });
    expect((await computeMissingEmbeddings({ projectId: t.project.id }))[0]).toMatchObject({ model: "fake-embed-b", embedded: 3, sweep: true });
    await sendBatch(key.secretKey, [spanEvent(hex(16), { input: [{ role: "user", content: "a question asked under the other model" }] }, new Date(Date.now() - 1000))]);
    expect((await computeMissingEmbeddings({ projectId: t.project.id }))[0]).toMatchObject({ model: "fake-embed-b", embedded: 1, sweep: false });
    // Back to the first model: its watermark still holds for older spans, and the span that
    // arrived meanwhile is above it, so an incremental pass is enough.
    await updateEmbeddingSettings({ projectId: t.project.id, changes: { providerConfig: { baseUrl, model: "fake-embed-4" } } });
    expect((await computeMissingEmbeddings({ projectId: t.project.id }))[0]).toMatchObject({ model: "fake-embed-4", embedded: 1, sweep: false });
    expect(await db.embedding.count({ where: { projectId: t.project.id } })).toBe(8);
  });

  it("fails clearly on 401 without retrying, and retries a 429", async () => {
    behaviour = "ok";
    const bad = await projectWithSpans("prov-401", "sk-wrong");
    seen.length = 0;
    await expect(computeMissingEmbeddings({ projectId: bad.project.id })).rejects.toThrow(/rejected the API key \(401\): Incorrect API key provided/);
    expect(seen).toHaveLength(1);

    behaviour = "rate-limit-once";
    const limited = await projectWithSpans("prov-429", "sk-good");
    seen.length = 0;
    const [result] = await computeMissingEmbeddings({ projectId: limited.project.id });
    expect(result!.embedded).toBe(3);
    expect(seen).toHaveLength(2);
  });

  it("gives up on repeated 500s and rejects a response with a wrong dimension, storing nothing", async () => {
    behaviour = "server-error";
    const failing = await projectWithSpans("prov-500", "sk-good");
    seen.length = 0;
    await expect(computeMissingEmbeddings({ projectId: failing.project.id })).rejects.toThrow(/answered 500: upstream exploded \(gave up after 4 attempts\)/);
    expect(seen).toHaveLength(4);
    expect(await db.embedding.count({ where: { projectId: failing.project.id } })).toBe(0);

    behaviour = "wrong-dimension";
    const wrong = await projectWithSpans("prov-dim", "sk-good");
    await expect(computeMissingEmbeddings({ projectId: wrong.project.id })).rejects.toThrow(/vector of dimension 3 at index 1; expected 4/);
    expect(await db.embedding.count({ where: { projectId: wrong.project.id } })).toBe(0);
  });
});

describe("drift API access", () => {
  it("lets readers read, only engineers and up manage, and hides other tenants' projects and reports", async () => {
    const t = await createOrgAndProject("drift-roles");
    const other = await createOrgAndProject("drift-other");
    const viewer = await addMember(t, "viewer");
    const engineer = await addMember(t, "engineer");
    const params = { projectId: t.project.id };
    expect((await call(driftRoute.GET, "GET", { cookie: viewer.cookie, params })).status).toBe(200);
    expect((await call(reportsRoute.GET, "GET", { cookie: viewer.cookie, params })).status).toBe(200);
    expect((await call(settingsRoute.GET, "GET", { cookie: viewer.cookie, params })).status).toBe(403);
    expect((await call(settingsRoute.PUT, "PUT", { cookie: viewer.cookie, params, body: { windows: 5 } })).status).toBe(403);
    expect((await call(reportsRoute.POST, "POST", { cookie: viewer.cookie, params, body: {} })).status).toBe(403);
    const put = await call(settingsRoute.PUT, "PUT", { cookie: engineer.cookie, params, body: { windows: 5, granularity: "hour" } });
    expect(put.status).toBe(200);
    expect(put.json.settings).toMatchObject({ windows: 5, granularity: "hour", provider: "offline" });
    const invalid = await call(settingsRoute.PUT, "PUT", { cookie: engineer.cookie, params, body: { provider: "provider" } });
    expect(invalid.status).toBe(400);
    expect(invalid.json.error.message).toMatch(/body\.providerConfig: a provider needs providerConfig/);

    // Another tenant: the project is "not found", and so is a report id from another project.
    expect((await call(reportsRoute.GET, "GET", { cookie: other.owner.cookie, params })).status).toBe(404);
    const settings = await embeddingSettings({ projectId: other.project.id });
    const foreign = await createDriftReport({ projectId: other.project.id, field: "input", model: "m", settings });
    expect((await call(reportRoute.GET, "GET", { cookie: t.owner.cookie, params: { ...params, reportId: foreign.id } })).status).toBe(404);
    expect((await call(inboxRoute.POST, "POST", { cookie: t.owner.cookie, params: { ...params, reportId: foreign.id, cluster: "0" } })).status).toBe(404);
  });
});
