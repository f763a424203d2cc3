import { describe, expect, it } from "vitest";
import * as reportRoute from "@/app/api/projects/[projectId]/drift/reports/[reportId]/route";
import * as reportsRoute from "@/app/api/projects/[projectId]/drift/reports/route";
import * as ingestRoute from "@/app/api/public/ingest/route";
import { db } from "@/lib/db";
import { computeRequestedReport } from "@/lib/drift/compute-requested-report";
import { runDriftReport } from "@/lib/drift/run-drift-report";
import { computeMissingEmbeddings } from "@/lib/embeddings/compute-embeddings";
import type { DriftWindow } from "@/lib/schemas/drift";
import { createKey, createOrgAndProject } from "../factories";
import { hex, sampleTraceEvents } from "../support/ingest";
import { call } from "../support/route";

// Issue 16, "late and backfilled spans": a fresh project gets days of backdated traces (a history
// import, an SDK flushing its buffer after an outage). They must be embedded on the next pass,
// and "compute now" must embed its windows or say how many spans are still waiting.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const TOPICS = ["refunds", "invoices", "shipping", "passwords", "upgrades", "cancellations"];

/** Traces (a pipeline span with one generation each) starting `count` times evenly over [from, to). */
function traces(from: number, to: number, count: number) {
  return Array.from({ length: count }, (_, i) => {
    const start = new Date(from + Math.floor(((to - from) * i) / count));
    const question = `How do ${TOPICS[i % TOPICS.length]} work for order ${i} ${hex(3)}?`;
    return sampleTraceEvents({ start, input: [{ role: "system", content: "You are helpful." }, { role: "user", content: question }] });
  });
}

async function ingest(secretKey: string, list: ReturnType<typeof traces>) {
  const events = list.flatMap((t) => t.events);
  for (let i = 0; i < events.length; i += 600) {
    const res = await call(ingestRoute.POST, "POST", { authorization: `Bearer ${secretKey}`, body: { batch: events.slice(i, i + 600) } });
    expect(res.json.results.every((r: { status: number }) => r.status === 201)).toBe(true);
  }
  return list.map((t) => t.genId);
}

async function freshProject(name: string) {
  const t = await createOrgAndProject(name);
  const key = await createKey(t.project);
  return { ...t, secretKey: key.secretKey };
}

const embeddedOf = async (projectId: string, spanIds: string[]) =>
  db.embedding.count({ where: { projectId, field: "input", spanId: { in: spanIds } } });

describe("backfilled spans", () => {
  it("embeds 8 days of backdated traces on the next pass after they arrive", async () => {
    const p = await freshProject("late-backfill");
    const now = Date.now();
    // The SDK's first flush is this hour's traffic; the worker's pass runs and sets its watermark…
    const recent = await ingest(p.secretKey, traces(now - HOUR, now - 60_000, 20));
    expect((await computeMissingEmbeddings({ projectId: p.project.id }))[0]).toMatchObject({ embedded: 20, sweep: true, complete: true });
    // …then the history import: 8 days, 180 LLM spans a day, all with start times long past.
    const backfill = await ingest(p.secretKey, traces(now - 8 * DAY, now - HOUR, 1_440));
    expect(await db.span.count({ where: { projectId: p.project.id, kind: "llm" } })).toBe(1_460);

    const [pass] = await computeMissingEmbeddings({ projectId: p.project.id });
    expect(pass).toMatchObject({ embedded: 1_440, skipped: 0, sweep: false, complete: true });
    expect(await embeddedOf(p.project.id, backfill)).toBe(1_440);
    expect(await embeddedOf(p.project.id, recent)).toBe(20);
    expect((await computeMissingEmbeddings({ projectId: p.project.id }))[0]).toMatchObject({ embedded: 0, sweep: false });
  });
});

describe("compute now on spans without vectors", () => {
  it("embeds the report's windows before computing, on a fresh project the worker has not reached", async () => {
    const p = await freshProject("late-compute-now");
    const now = Date.now();
    const backfill = await ingest(p.secretKey, traces(now - 8 * DAY, now - 60_000, 560));
    expect(await db.embedding.count({ where: { projectId: p.project.id } })).toBe(0);

    // No vectors yet, but Pharos embeds this project's spans itself: compute now is accepted.
    const res = await call(reportsRoute.POST, "POST", { cookie: p.owner.cookie, params: { projectId: p.project.id }, body: {} });
    expect(res.status).toBe(202);
    expect(res.json.report.model).toMatch(/^pharos-offline-v1\+idf\./);
    const done = await computeRequestedReport({ projectId: p.project.id, reportId: res.json.report.id });
    expect(done).toMatchObject({ status: "done" });
    const windows = done!.windows as DriftWindow[];
    expect(windows).toHaveLength(7);
    for (const w of windows) {
      expect(w.waiting).toBe(0);
      expect(w.referenceWaiting).toBe(0);
      expect(w.llmSpans).toBe(w.currentCount);
      // Untested only where there are genuinely too few spans (today's window, just begun).
      expect(w.insufficient).toBe(w.currentCount < 10 || w.referenceCount < 10);
    }
    expect(windows.filter((w) => !w.insufficient).length).toBeGreaterThanOrEqual(6);
    // What the report needed is embedded: its 7 windows and what their references pool (the
    // trailing week before each, so from 7 days before the range); older spans are left for the
    // worker's pass. Here that is every backfilled span but those older than the first reference.
    const firstReference = new Date(done!.rangeStart.getTime() - 7 * DAY);
    const needed = await db.span.count({ where: { projectId: p.project.id, kind: "llm", startTime: { gte: firstReference } } });
    expect(needed).toBeGreaterThan(await db.span.count({ where: { projectId: p.project.id, kind: "llm", startTime: { gte: done!.rangeStart } } }));
    expect(await embeddedOf(p.project.id, backfill)).toBe(needed);
  });

  it("says how many spans are still waiting when it cannot embed them all first, in the stored report and the API", async () => {
    const p = await freshProject("late-waiting");
    const now = Date.now();
    await ingest(p.secretKey, traces(now - 8 * DAY, now - 60_000, 400));
    const res = await call(reportsRoute.POST, "POST", { cookie: p.owner.cookie, params: { projectId: p.project.id }, body: {} });
    expect(res.status).toBe(202);
    // Embedding stops after 30 spans (the newest): most windows are left without vectors.
    const done = await computeRequestedReport({ projectId: p.project.id, reportId: res.json.report.id, embedLimit: 30 });
    const windows = done!.windows as DriftWindow[];
    const llm = await db.span.count({ where: { projectId: p.project.id, kind: "llm", startTime: { gte: new Date(windows[0]!.start), lt: new Date(windows[6]!.end) } } });
    expect(windows.reduce((s, w) => s + w.llmSpans!, 0)).toBe(llm);
    expect(windows.reduce((s, w) => s + w.waiting!, 0)).toBe(llm - 30);
    for (const w of windows) expect(w.waiting).toBe(w.llmSpans! - w.currentCount);
    const starved = windows.filter((w) => w.insufficient);
    expect(starved.length).toBeGreaterThan(0);
    // Every untested window says why: spans are there, and they wait for vectors.
    for (const w of starved) expect(w.waiting! + (w.referenceWaiting ?? 0)).toBeGreaterThan(0);

    // The API returns the same counts.
    const one = await call(reportRoute.GET, "GET", { cookie: p.owner.cookie, params: { projectId: p.project.id, reportId: done!.id } });
    expect(one.json.report.windows.map((w: DriftWindow) => w.waiting)).toEqual(windows.map((w) => w.waiting));

    // The next embedding pass fills them; a recomputed report has nothing waiting.
    await computeMissingEmbeddings({ projectId: p.project.id });
    const again = await runDriftReport({ projectId: p.project.id, reportId: done!.id });
    const filled = again!.windows as DriftWindow[];
    expect(filled.every((w) => w.waiting === 0 && w.referenceWaiting === 0)).toBe(true);
    expect(filled.filter((w) => !w.insufficient).length).toBeGreaterThan(windows.filter((w) => !w.insufficient).length);
  });

  it("counts spans but reports no waiting for a model whose vectors come from the client", async () => {
    const p = await freshProject("late-client-model");
    const t = traces(Date.now() - 2 * HOUR, Date.now() - 60_000, 3);
    t[0]!.events[2]!.body = { ...t[0]!.events[2]!.body, embeddings: [{ field: "input", model: "client-model", vector: [1, 0, 0] }] } as never;
    await ingest(p.secretKey, t);
    const res = await call(reportsRoute.POST, "POST", { cookie: p.owner.cookie, params: { projectId: p.project.id }, body: { granularity: "hour" } });
    expect(res.json.report.model).toBe("client-model");
    const done = await computeRequestedReport({ projectId: p.project.id, reportId: res.json.report.id });
    const windows = done!.windows as DriftWindow[];
    expect(windows.reduce((s, w) => s + w.llmSpans!, 0)).toBe(3);
    expect(windows.every((w) => w.waiting === null && w.insufficient)).toBe(true);
  });
});
