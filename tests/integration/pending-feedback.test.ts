// #14 item 4 (second half): feedback for a trace the project has not received is parked as
// pending. It is no score: no rollup, no thumbs-down alert, no inbox item. When the trace arrives,
// the ingest write turns it into a user_feedback score through the same path as feedback for a
// known trace, exactly once, and only in its own project. A worker job drops it after the window.
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import * as feedbackRoute from "@/app/api/public/feedback/route";
import * as ingestRoute from "@/app/api/public/ingest/route";
import { measureValue } from "@/lib/alerts/measure-value";
import { db } from "@/lib/db";
import { databaseUrl } from "@/lib/env";
import { parseBatch } from "@/lib/ingest/parse-batch";
import { prepareSpans } from "@/lib/ingest/prepare-spans";
import { ingestSettings } from "@/lib/ingest/project-settings";
import { writeBatch } from "@/lib/ingest/write-batch";
import { queryMetrics } from "@/lib/metrics/query-metrics";
import { createKey, createOrgAndProject } from "../factories";
import { hex, sampleTraceEvents } from "../support/ingest";
import { call, testClientIp } from "../support/route";

/** From a client of its own unless `client` names one. */
async function postFeedback(publicKey: string, body: unknown, client = testClientIp()) {
  const headers = { authorization: `Bearer ${publicKey}`, "content-type": "application/json", "x-pharos-client-ip": client };
  const res = await feedbackRoute.POST(new Request("http://localhost/api/public/feedback", { method: "POST", headers, body: JSON.stringify(body) }), { params: Promise.resolve({}) });
  return { status: res.status, json: await res.json(), headers: res.headers };
}

const savedEnv = { ...process.env };
afterEach(() => {
  for (const k of ["PHAROS_PENDING_FEEDBACK_MAX", "PHAROS_PENDING_FEEDBACK_PER_CLIENT"]) {
    if (savedEnv[k] === undefined) delete process.env[k];
    else process.env[k] = savedEnv[k];
  }
});

async function ingestTrace(secretKey: string, events: unknown[]) {
  const res = await call(ingestRoute.POST, "POST", { authorization: `Bearer ${secretKey}`, body: { batch: events } });
  expect(res.status).toBe(207);
}

async function feedbackState(projectId: string, traceId: string) {
  const scores = await db.score.findMany({ where: { projectId, traceId, name: "user_feedback" } });
  const sums = await db.metricMinute.aggregate({ where: { projectId }, _sum: { thumbsUp: true, thumbsDown: true } });
  const from = new Date(Date.now() - 2 * 3_600_000);
  const { totals } = await queryMetrics({ projectId, query: { from, to: new Date(Date.now() + 60_000) } });
  const inbox = await db.triageItem.findMany({ where: { projectId, traceId } });
  return {
    scores: scores.length,
    thumbsDown: sums._sum.thumbsDown ?? 0,
    thumbsUp: sums._sum.thumbsUp ?? 0,
    // What the thumbs-down alert evaluates over its window.
    alertValue: measureValue("thumbs_down_rate", totals, 60),
    inboxReasons: inbox.flatMap((i) => i.reasons),
  };
}

describe("feedback for a trace that has not arrived", () => {
  it("is pending (202) and counts nowhere; the trace's arrival counts it once, a re-sent trace does not double it", async () => {
    const t = await createOrgAndProject("pending-fb");
    const key = await createKey(t.project);
    const sample = sampleTraceEvents();

    const early = await postFeedback(key.publicKey, { id: "fb-early", traceId: sample.traceId, value: "down", comment: "wrong answer" });
    expect(early.status).toBe(202);
    expect(early.json).toEqual({ id: "fb-early", value: "down", pending: true });
    // A retry of the same feedback stays one pending vote.
    expect((await postFeedback(key.publicKey, { id: "fb-early", traceId: sample.traceId, value: "down", comment: "wrong answer" })).status).toBe(202);
    expect(await feedbackState(t.project.id, sample.traceId)).toEqual({ scores: 0, thumbsDown: 0, thumbsUp: 0, alertValue: null, inboxReasons: [] });

    await ingestTrace(key.secretKey, sample.events);
    const arrived = await feedbackState(t.project.id, sample.traceId);
    expect(arrived).toMatchObject({ scores: 1, thumbsDown: 1, thumbsUp: 0, alertValue: 1 });
    expect(arrived.inboxReasons).toContain("thumbs_down");
    const score = await db.score.findFirstOrThrow({ where: { projectId: t.project.id, traceId: sample.traceId } });
    expect(score).toMatchObject({ id: "fb-early", numberValue: 0, source: "user_feedback", dataType: "BOOLEAN", comment: "wrong answer" });
    // Counted under the trace's model and environment, as feedback for a known trace is.
    const minute = await db.metricMinute.findFirstOrThrow({ where: { projectId: t.project.id, thumbsDown: 1 } });
    expect(minute).toMatchObject({ model: "gpt-4o-mini", environment: "production" });

    await ingestTrace(key.secretKey, sample.events);
    expect(await feedbackState(t.project.id, sample.traceId)).toMatchObject({ scores: 1, thumbsDown: 1 });
    // Once the trace is known, feedback is a score at once (201, no pending flag).
    const late = await postFeedback(key.publicKey, { traceId: sample.traceId, value: "up" });
    expect(late.status).toBe(201);
    expect(late.json.pending).toBeUndefined();
    expect(await feedbackState(t.project.id, sample.traceId)).toMatchObject({ scores: 2, thumbsDown: 1, thumbsUp: 1 });
  });

  it("never attaches to another project's trace with the same id", async () => {
    const a = await createOrgAndProject("pending-a");
    const b = await createOrgAndProject("pending-b");
    const keyA = await createKey(a.project);
    const keyB = await createKey(b.project);
    const traceId = hex(16);

    expect((await postFeedback(keyA.publicKey, { traceId, value: "down" })).status).toBe(202);
    await ingestTrace(keyB.secretKey, sampleTraceEvents({ traceId }).events);
    expect(await feedbackState(b.project.id, traceId)).toEqual({ scores: 0, thumbsDown: 0, thumbsUp: 0, alertValue: null, inboxReasons: [] });
    expect(await feedbackState(a.project.id, traceId)).toMatchObject({ scores: 0, thumbsDown: 0 });

    await ingestTrace(keyA.secretKey, sampleTraceEvents({ traceId }).events);
    expect(await feedbackState(a.project.id, traceId)).toMatchObject({ scores: 1, thumbsDown: 1 });
    expect(await feedbackState(b.project.id, traceId)).toMatchObject({ scores: 0, thumbsDown: 0 });
  });

  it("is dropped by the worker job after the window; one whose trace arrived meanwhile is counted instead", async () => {
    const { sweepPendingFeedback } = await import("@/lib/ingest/sweep-pending-feedback");
    const t = await createOrgAndProject("pending-expiry");
    const key = await createKey(t.project);
    const old = hex(16);
    const fresh = hex(16);
    expect((await postFeedback(key.publicKey, { traceId: old, value: "down" })).status).toBe(202);
    expect((await postFeedback(key.publicKey, { traceId: fresh, value: "up" })).status).toBe(202);
    await db.pendingFeedback.updateMany({ where: { projectId: t.project.id, traceId: old }, data: { createdAt: new Date(Date.now() - 25 * 3_600_000) } });

    // A trace that landed between the feedback's existence check and its pending insert: its
    // write found nothing to attach. The sweep attaches it through the same write path.
    const raced = sampleTraceEvents();
    await ingestTrace(key.secretKey, raced.events);
    await db.pendingFeedback.create({ data: { projectId: t.project.id, id: "fb-raced", traceId: raced.traceId, numberValue: 0, createdAt: new Date() } });

    const swept = await sweepPendingFeedback({ maxAgeHours: 24 });
    expect(swept.attached).toBeGreaterThanOrEqual(1);
    expect(swept.expired).toBeGreaterThanOrEqual(1);
    const left = await db.pendingFeedback.findMany({ where: { projectId: t.project.id } });
    expect(left.map((p) => p.traceId)).toEqual([fresh]);
    expect(await feedbackState(t.project.id, raced.traceId)).toMatchObject({ scores: 1, thumbsDown: 1 });
    // The expired vote never counted anywhere, and a late trace finds nothing to attach.
    await ingestTrace(key.secretKey, sampleTraceEvents({ traceId: old }).events);
    expect(await feedbackState(t.project.id, old)).toMatchObject({ scores: 0 });
    expect((await db.metricMinute.aggregate({ where: { projectId: t.project.id }, _sum: { thumbsDown: true } }))._sum.thumbsDown).toBe(1);
  });

  it("stops at PHAROS_PENDING_FEEDBACK_MAX waiting votes per project: 429 with the error shape, nothing more stored", async () => {
    process.env.PHAROS_PENDING_FEEDBACK_MAX = "3";
    const t = await createOrgAndProject("pending-cap");
    const key = await createKey(t.project);
    for (let i = 0; i < 3; i++) expect((await postFeedback(key.publicKey, { id: `fb-${i}`, traceId: hex(16), value: "down" })).status).toBe(202);
    expect(await db.pendingFeedback.count({ where: { projectId: t.project.id } })).toBe(3);

    const over = await postFeedback(key.publicKey, { id: "fb-over", traceId: hex(16), value: "down" });
    expect(over.status).toBe(429);
    expect(over.json).toEqual({ error: { code: "RATE_LIMITED", message: expect.stringMatching(/already holds 3 feedback votes for traces it has not received/) } });
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await db.pendingFeedback.count({ where: { projectId: t.project.id } })).toBe(3);
    expect(await db.pendingFeedback.count({ where: { projectId: t.project.id, id: "fb-over" } })).toBe(0);

    // The cap is per project, and limits only votes kept aside: feedback for a stored trace is a score at once.
    const other = await createOrgAndProject("pending-cap-other");
    expect((await postFeedback((await createKey(other.project)).publicKey, { traceId: hex(16), value: "up" })).status).toBe(202);
    const sample = sampleTraceEvents();
    await ingestTrace(key.secretKey, sample.events);
    expect((await postFeedback(key.publicKey, { traceId: sample.traceId, value: "up" })).status).toBe(201);
  });

  it("lets one client hold at most PHAROS_PENDING_FEEDBACK_PER_CLIENT waiting votes, so it cannot fill the project's pool", async () => {
    process.env.PHAROS_PENDING_FEEDBACK_PER_CLIENT = "2";
    const t = await createOrgAndProject("pending-client");
    const key = await createKey(t.project);
    const flooder = testClientIp();
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await postFeedback(key.publicKey, { id: `fb-${i}`, traceId: hex(16), value: "down" }, flooder)).status);
    expect(statuses).toEqual([202, 202, 429, 429]);
    const refused = await postFeedback(key.publicKey, { traceId: hex(16), value: "down" }, flooder);
    expect(refused.json).toEqual({ error: { code: "RATE_LIMITED", message: expect.stringMatching(/this client already sent 2 feedback votes for traces the project has not received/) } });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await db.pendingFeedback.count({ where: { projectId: t.project.id } })).toBe(2);

    // Another client is unaffected; the same client's budget is per project; its feedback for a stored trace still counts.
    expect((await postFeedback(key.publicKey, { traceId: hex(16), value: "down" })).status).toBe(202);
    const elsewhere = await createOrgAndProject("pending-client-other");
    expect((await postFeedback((await createKey(elsewhere.project)).publicKey, { traceId: hex(16), value: "down" }, flooder)).status).toBe(202);
    const sample = sampleTraceEvents();
    await ingestTrace(key.secretKey, sample.events);
    expect((await postFeedback(key.publicKey, { traceId: sample.traceId, value: "up" }, flooder)).status).toBe(201);
  });

  it("costs the ingest write one statement per batch, not one per trace or span", async () => {
    const t = await createOrgAndProject("pending-cost");
    const key = await createKey(t.project);
    const samples = Array.from({ length: 20 }, () => sampleTraceEvents());
    for (const s of samples.slice(0, 5)) expect((await postFeedback(key.publicKey, { traceId: s.traceId, value: "down" })).status).toBe(202);

    // The writer's own function on a real pool whose client records each statement it sends.
    const real = new pg.Pool({ connectionString: databaseUrl(), max: 1 });
    const statements: string[] = [];
    const pool = {
      connect: async () => {
        const client = await real.connect();
        // writeBatch also listens for 'error' on its connection while it holds it.
        return {
          query: (text: string, values?: unknown[]) => (statements.push(text), client.query(text, values)),
          on: client.on.bind(client), off: client.off.bind(client), release: (err?: Error | boolean) => client.release(err),
        };
      },
    } as unknown as pg.Pool;
    try {
      const parsed = parseBatch(samples.flatMap((s) => s.events));
      const settings = await ingestSettings(t.project.id);
      const batch = { spans: prepareSpans(t.project.id, parsed.spans, settings), traces: parsed.traces.map((tr) => ({ ...tr, projectId: t.project.id })), scores: [] };
      expect(batch.spans).toHaveLength(40);
      const written = await writeBatch(pool, batch);
      expect(written.attachedFeedback).toBe(5);
      expect(statements.filter((q) => q.includes("pending_feedback"))).toHaveLength(1);

      // A batch of scores only (no trace written) does not look at pending feedback at all.
      statements.length = 0;
      await writeBatch(pool, { spans: [], traces: [], scores: [{ projectId: t.project.id, id: hex(8), traceId: samples[0]!.traceId, spanId: null, name: "quality", numberValue: 1, stringValue: null, dataType: "NUMERIC", source: "api", comment: null, createdAt: new Date() }] });
      expect(statements.filter((q) => q.includes("pending_feedback"))).toHaveLength(0);
    } finally {
      await real.end();
    }
    expect((await db.metricMinute.aggregate({ where: { projectId: t.project.id }, _sum: { thumbsDown: true } }))._sum.thumbsDown).toBe(5);
  });
});
