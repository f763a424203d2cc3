import { describe, expect, it } from "vitest";
import * as driftRoute from "@/app/api/projects/[projectId]/drift/route";
import * as reportRoute from "@/app/api/projects/[projectId]/drift/reports/[reportId]/route";
import * as inboxRoute from "@/app/api/projects/[projectId]/drift/reports/[reportId]/clusters/[cluster]/inbox/route";
import * as reportsRoute from "@/app/api/projects/[projectId]/drift/reports/route";
import * as settingsRoute from "@/app/api/projects/[projectId]/drift/settings/route";
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
import { computeMissingEmbeddings } from "@/lib/embeddings/compute-embeddings";
import { addMember, createKey, createOrgAndProject } from "../factories";
import { call } from "../support/route";
import { hex } from "../support/ingest";
import { sendBatch, spanEvent } from "../support/drift-spans";

const ns = (ms: number) => `${BigInt(ms) * 1_000_000n}`;

/** Seeds LLM spans for each day before `now`: English questions, Korean refund questions where `shifted(day)` says so. */
async function seedQuestions(secretKey: string, now: Date, days: number, perDay: number, shiftedShare: (daysAgo: number) => number) {
  const rng = seededRng(99);
  // Trace ids from their own seeded stream: k-means visits units in trace-id order, so random ids
  // made the clusters (and this test) differ from run to run.
  const idRng = seededRng(7);
  const traceId = () => Array.from({ length: 32 }, () => Math.floor(idRng() * 16).toString(16)).join("");
  const dayStart = Math.floor(now.getTime() / 86_400_000) * 86_400_000;
  const events: object[] = [];
  for (let d = days; d >= 0; d--) {
    const start = dayStart - d * 86_400_000;
    const span = Math.min(86_400_000, now.getTime() - start) - 60_000;
    for (let i = 0; i < perDay; i++) {
      const topic = rng() < shiftedShare(d) ? "ko-refund" : rng() < 0.75 ? "en-billing" : "en-product";
      const at = new Date(start + Math.floor(rng() * span));
      events.push(spanEvent(traceId(), { input: [{ role: "system", content: "You are a support agent." }, { role: "user", content: sampleQuestion(rng, topic) }] }, at));
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
    // Ranked by excess share: most of the window is traffic the reference week did not have. The
    // refund questions may share a cluster with old billing ones; its examples still show what is new.
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
