// Retention per project over the day-partitioned `spans` (real Postgres, the real ingest route).
// The worker's pass (lib/retention) runs with a fixed `now` in 2023 and only over this file's
// projects (onlyProjects), so other test files' projects and rows are never in its reach.
import { afterAll, describe, expect, it } from "vitest";
import * as ingestRoute from "@/app/api/public/ingest/route";
import * as publicRuleRoute from "@/app/api/public/online-evaluations/[name]/route";
import * as publicRoute from "@/app/api/public/retention/route";
import * as settingsRoute from "@/app/api/projects/[projectId]/settings/retention/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { promoteToDataset } from "@/lib/datasets/promote-to-dataset";
import { db } from "@/lib/db";
import { closeSqlPool, sqlPool } from "@/lib/db-sql-pool";
import { runOnlineEvaluations } from "@/lib/online-evals/run-online-evaluations";
import { applyRetention, type RetentionOptions } from "@/lib/retention/apply-retention";
import { maintainSpans } from "@/lib/retention/maintain-spans";
import { ensureSpanPartitions, listSpanPartitions } from "@/lib/retention/span-partitions";
import { addMember, createKey, createOrgAndProject } from "../factories";
import { hex, sampleTraceEvents } from "../support/ingest";
import { call } from "../support/route";

afterAll(() => closeSqlPool());

const NOW = new Date("2023-06-15T12:00:00Z");
const at = (iso: string) => new Date(iso);

async function withClient<T>(fn: (client: import("pg").PoolClient) => Promise<T>): Promise<T> {
  const client = await sqlPool().connect();
  try {
    return await fn(client);
  } finally {
    client.release();
  }
}
// Other test files ingest while these run: the partition locks may wait longer than the worker's 2 s.
const LOCK_MS = 20_000;
const retention = (options: RetentionOptions) => withClient((c) => applyRetention(c, { lockTimeoutMs: LOCK_MS, ...options }));
/** The daily partitions of the days from `from` on, as the worker makes them. */
const partitionsFor = (from: string, days: number) => withClient((c) => ensureSpanPartitions(c, { now: at(`${from}T12:00:00Z`), back: 0, ahead: days - 1, lockTimeoutMs: LOCK_MS }));

async function tenant(name: string) {
  const t = await createOrgAndProject(name);
  const key = await createKey(t.project);
  return { ...t, key, auth: `Bearer ${key.secretKey}` };
}

/**
 * A trace as the SDK sends it, starting at `start`: chain → generation (ERROR, so it lands in the
 * inbox) with a client-sent embedding, and a thumbs-down score. Returns the trace id.
 */
async function sendTrace(auth: string, start: Date) {
  const sample = sampleTraceEvents({ start, level: "ERROR" });
  const gen = sample.events[2]!.body as Record<string, unknown>;
  gen.embeddings = [{ field: "input", model: "client-mini", vector: [0.1, 0.2, 0.3] }];
  const score = { id: `score-${sample.traceId}`, type: "score", body: { id: `score-${sample.traceId}`, traceId: sample.traceId, name: "user_feedback", value: false } };
  const res = await call(ingestRoute.POST, "POST", { authorization: auth, body: { batch: [...sample.events, score] } });
  expect(res.status).toBe(207);
  expect(res.json.results.every((r: { status: number }) => r.status === 201), JSON.stringify(res.json)).toBe(true);
  return sample.traceId;
}

/** What a trace id has in every per-trace table. */
async function footprint(projectId: string, traceId: string) {
  const where = { projectId, traceId };
  return {
    trace: await db.trace.count({ where: { projectId, id: traceId } }),
    spans: await db.span.count({ where }),
    scores: await db.score.count({ where }),
    triage: await db.triageItem.count({ where }),
    embeddings: await db.embedding.count({ where }),
  };
}
const GONE = { trace: 0, spans: 0, scores: 0, triage: 0, embeddings: 0 };
const KEPT = { trace: 1, spans: 2, scores: 1, triage: 1, embeddings: 1 };

async function setRetention(t: Awaited<ReturnType<typeof tenant>>, days: number | null) {
  const res = await call(settingsRoute.PUT, "PUT", { params: { projectId: t.project.id }, cookie: t.owner.cookie, body: { days } });
  expect(res.status, JSON.stringify(res.json)).toBe(200);
}

describe("retention", () => {
  it("deletes exactly the expired traces of the project that set it, with what hangs off them, and drops a partition only it filled", async () => {
    const a = await tenant("retention-a");
    const b = await tenant("retention-b");
    await partitionsFor("2023-05-01", 2);
    await partitionsFor("2023-06-08", 8);
    // 2023-05-01 holds only a's spans; 2023-05-02 holds a's and b's; 2023-04-20 has no partition (default).
    const aOnlyDay = await sendTrace(a.auth, at("2023-05-01T10:00:00Z"));
    const aSharedDay = await sendTrace(a.auth, at("2023-05-02T10:00:00Z"));
    const aDefault = await sendTrace(a.auth, at("2023-04-20T10:00:00Z"));
    const aRecent = await sendTrace(a.auth, at("2023-06-10T10:00:00Z"));
    const aJustInside = await sendTrace(a.auth, at("2023-05-16T00:00:01Z"));
    const bOld = await sendTrace(b.auth, at("2023-05-02T11:00:00Z"));
    for (const id of [aOnlyDay, aSharedDay, aDefault, aRecent, aJustInside]) expect(await footprint(a.project.id, id)).toEqual(KEPT);
    expect(await footprint(b.project.id, bOld)).toEqual(KEPT);
    // Curated from an expiring trace: a golden-set item (from its generation span).
    const gen = await db.span.findFirstOrThrow({ where: { projectId: a.project.id, traceId: aOnlyDay, kind: "llm" }, select: { id: true } });
    await promoteToDataset({ projectId: a.project.id, userId: a.owner.user.id, input: { newDatasetName: "kept", traceId: aOnlyDay, spanId: gen.id, expectedOutput: "5 days" } });

    await setRetention(a, 30); // boundary: 2023-05-16T00:00Z
    const result = await retention({ now: NOW, onlyProjects: [a.project.id, b.project.id] });

    for (const id of [aOnlyDay, aSharedDay, aDefault]) expect(await footprint(a.project.id, id), id).toEqual(GONE);
    for (const id of [aRecent, aJustInside]) expect(await footprint(a.project.id, id), id).toEqual(KEPT);
    expect(await footprint(b.project.id, bOld)).toEqual(KEPT);
    expect(result).toMatchObject({ traces: 3, scores: 3, triageItems: 3, embeddings: 3 });
    const names = (await withClient(listSpanPartitions)).map((p) => p.name);
    expect(result.droppedPartitions).toContain("spans_p20230501");
    expect(names).not.toContain("spans_p20230501");
    expect(names).toContain("spans_p20230502"); // b keeps its spans there: only a's rows went
    expect(result.spanRows).toBe(4); // a's 2 spans on 05-02 and 2 in the default partition
    expect(await db.datasetItem.count({ where: { projectId: a.project.id, sourceTraceId: aOnlyDay } })).toBe(1);

    // A second pass finds nothing more; once b's retention also passes 05-02, that partition goes whole.
    expect(await retention({ now: NOW, onlyProjects: [a.project.id, b.project.id] })).toMatchObject({ traces: 0, spanRows: 0, droppedPartitions: [] });
    await setRetention(b, 40); // boundary 2023-05-06
    const second = await retention({ now: NOW, onlyProjects: [a.project.id, b.project.id] });
    expect(second.droppedPartitions).toEqual(["spans_p20230502"]);
    expect(await footprint(b.project.id, bOld)).toEqual(GONE);
    expect(await footprint(a.project.id, aRecent)).toEqual(KEPT);
  });

  it("deletes nothing when retention is unlimited (the default, or set back to forever)", async () => {
    const t = await tenant("retention-unlimited");
    await partitionsFor("2023-03-01", 1);
    const old = await sendTrace(t.auth, at("2023-03-01T10:00:00Z"));
    const older = await sendTrace(t.auth, at("2021-01-01T10:00:00Z"));
    expect(await retention({ now: NOW, onlyProjects: [t.project.id] })).toMatchObject({ projects: 0, traces: 0, spanRows: 0, droppedPartitions: [] });
    await setRetention(t, 7);
    await setRetention(t, null);
    expect(await retention({ now: NOW, onlyProjects: [t.project.id] })).toMatchObject({ projects: 0, traces: 0, spanRows: 0, droppedPartitions: [] });
    expect(await footprint(t.project.id, old)).toEqual(KEPT);
    expect(await footprint(t.project.id, older)).toEqual(KEPT);
    expect((await withClient(listSpanPartitions)).map((p) => p.name)).toContain("spans_p20230301");
  });
});

describe("retention and online evaluation", () => {
  it("removes an online rule's attempts on the expired traces with them, and keeps those on kept traces", async () => {
    const t = await tenant("retention-eval-attempts");
    const rule = await call(publicRuleRoute.PUT, "PUT", { authorization: t.auth, params: { name: "long answers" }, body: { sampleRate: 100, evaluator: { type: "length", max: 10_000 } } });
    expect(rule.status, JSON.stringify(rule.json)).toBe(201);
    const old = await sendTrace(t.auth, at("2023-04-02T10:00:00Z"));
    const kept = await sendTrace(t.auth, at("2023-06-12T10:00:00Z"));
    const [pass] = await runOnlineEvaluations({ projectId: t.project.id, cutoff: new Date() });
    expect(pass).toMatchObject({ evaluated: 2, scored: 2 });
    const attempts = async () => (await db.onlineEvalAttempt.findMany({ where: { projectId: t.project.id }, select: { traceId: true } })).map((a) => a.traceId).sort();
    expect(await attempts()).toEqual([old, kept].sort());

    await setRetention(t, 30);
    const result = await retention({ now: NOW, onlyProjects: [t.project.id] });
    // The old trace's thumbs and eval score, and its attempt.
    expect(result).toMatchObject({ traces: 1, scores: 2, evalAttempts: 1 });
    expect(await attempts()).toEqual([kept]);
    expect(await db.score.count({ where: { projectId: t.project.id, traceId: kept, source: "eval" } })).toBe(1);
  });
});

describe("the worker's pass", () => {
  it("creates the window's partitions, then applies retention; a pass that finds another running skips", async () => {
    const t = await tenant("retention-pass");
    const old = await sendTrace(t.auth, at("2032-01-02T10:00:00Z")); // no partition yet: the default one
    const kept = await sendTrace(t.auth, at("2032-01-30T10:00:00Z"));
    await setRetention(t, 10);
    const options = { now: at("2032-02-01T12:00:00Z"), onlyProjects: [t.project.id], lockTimeoutMs: LOCK_MS };

    const holder = await sqlPool().connect();
    try {
      await holder.query(`select pg_advisory_lock(hashtext('pharos:span-maintenance'))`);
      expect(await maintainSpans(options)).toEqual({ skipped: true });
      expect(await footprint(t.project.id, old)).toEqual(KEPT);
    } finally {
      await holder.query(`select pg_advisory_unlock(hashtext('pharos:span-maintenance'))`);
      holder.release();
    }

    const pass = await maintainSpans(options);
    if (pass.skipped) throw new Error("the pass was skipped");
    expect(pass.createdPartitions).toContain("spans_p20320125");
    expect(pass.createdPartitions).toContain("spans_p20320208");
    expect(pass).toMatchObject({ projects: 1, traces: 1, spanRows: 2 });
    expect(await footprint(t.project.id, old)).toEqual(GONE);
    expect(await footprint(t.project.id, kept)).toEqual(KEPT);
    const { rows } = await sqlPool().query(`select distinct tableoid::regclass::text as part from spans where project_id = $1`, [t.project.id]);
    expect(rows.map((r) => r.part)).toEqual(["spans_p20320130"]);
    // Autovacuum never analyzes a partitioned parent; the pass does, so the planner has statistics for spans as a whole.
    expect(pass.analyzed).toBe(true);
    const stats = await sqlPool().query(`select count(*)::int as n from pg_stats where schemaname = 'public' and tablename = 'spans' and inherited`);
    expect(stats.rows[0].n).toBeGreaterThan(0);
  });
});

describe("span partitions", () => {
  it("are created ahead by the worker, and a day's spans already in the default partition move into its new partition", async () => {
    const t = await tenant("partitions-ahead");
    // No partition covers 2031-03-12 yet: the span goes to the default partition.
    const early = await sendTrace(t.auth, at("2031-03-12T08:00:00Z"));
    const where = (traceId: string) => `select tableoid::regclass::text as part from spans where project_id = '${t.project.id}' and trace_id = '${traceId}'`;
    expect((await sqlPool().query(where(early))).rows.map((r) => r.part)).toEqual(["spans_default", "spans_default"]);

    const created = await withClient((c) => ensureSpanPartitions(c, { now: at("2031-03-10T15:00:00Z"), lockTimeoutMs: LOCK_MS }));
    expect(created).toEqual(["spans_p20310303", "spans_p20310304", "spans_p20310305", "spans_p20310306", "spans_p20310307", "spans_p20310308", "spans_p20310309",
      "spans_p20310310", "spans_p20310311", "spans_p20310312", "spans_p20310313", "spans_p20310314", "spans_p20310315", "spans_p20310316", "spans_p20310317"]);
    const partitions = await withClient(listSpanPartitions);
    expect(partitions.find((p) => p.name === "spans_p20310317")).toMatchObject({ from: at("2031-03-17T00:00:00Z"), to: at("2031-03-18T00:00:00Z"), isDefault: false });
    expect(partitions.filter((p) => p.isDefault).map((p) => p.name)).toEqual(["spans_default"]);
    // Moved, not copied: each span once, now in its day's partition, and the trace reads as before.
    expect((await sqlPool().query(where(early))).rows.map((r) => r.part)).toEqual(["spans_p20310312", "spans_p20310312"]);
    expect(await footprint(t.project.id, early)).toEqual(KEPT);
    // A second pass has nothing to create.
    expect(await withClient((c) => ensureSpanPartitions(c, { now: at("2031-03-10T15:00:00Z"), lockTimeoutMs: LOCK_MS }))).toEqual([]);
  });

  it("accepts spans far in the past and future (the default partition takes them)", async () => {
    const t = await tenant("partitions-odd");
    const past = await sendTrace(t.auth, at("1971-02-03T04:05:06Z"));
    const future = await sendTrace(t.auth, at("2199-12-31T23:00:00Z"));
    expect(await footprint(t.project.id, past)).toEqual(KEPT);
    expect(await footprint(t.project.id, future)).toEqual(KEPT);
  });

  it("stores each span once when the SDK retries, whichever partition it lands in", async () => {
    const t = await tenant("partitions-retry");
    await partitionsFor("2023-02-01", 1);
    const batches = [at("2023-02-01T10:00:00Z"), at("2023-02-01T23:59:59.999Z"), at("1999-01-01T00:00:00Z"), new Date()].map((start) => sampleTraceEvents({ start }));
    const body = { batch: batches.flatMap((b) => b.events) };
    await call(ingestRoute.POST, "POST", { authorization: t.auth, body });
    // Sequential and concurrent retries of the very same batch.
    await call(ingestRoute.POST, "POST", { authorization: t.auth, body });
    await Promise.all([1, 2, 3].map(() => call(ingestRoute.POST, "POST", { authorization: t.auth, body })));
    const { rows } = await sqlPool().query<{ id: string; n: number }>(`select id, count(*)::int as n from spans where project_id = $1 group by id`, [t.project.id]);
    expect(rows).toHaveLength(8);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    const traces = await db.trace.findMany({ where: { projectId: t.project.id }, select: { spanCount: true } });
    expect(traces.map((x) => x.spanCount)).toEqual([2, 2, 2, 2]);
  });

  it("stores a span whose start time the server assigned once, though its retry is assigned a later one", async () => {
    const t = await tenant("partitions-assigned");
    const traceId = hex(16);
    // An event with neither body.startTime nor an envelope timestamp: the server's clock decides.
    const body = { batch: [{ id: "e-1", type: "event", body: { id: "evt-1", traceId, name: "cache-miss" } }] };
    const first = await call(ingestRoute.POST, "POST", { authorization: t.auth, body });
    expect(first.json.results).toEqual([{ id: "e-1", status: 201 }]);
    await new Promise((r) => setTimeout(r, 20));
    await call(ingestRoute.POST, "POST", { authorization: t.auth, body });
    expect(await db.span.count({ where: { projectId: t.project.id, traceId } })).toBe(1);
    expect((await db.trace.findFirstOrThrow({ where: { projectId: t.project.id, id: traceId } })).spanCount).toBe(1);
  });
});

describe("retention settings", () => {
  const audits = (projectId: string) => db.auditLog.findMany({ where: { projectId, action: "project.retention.update" }, orderBy: { createdAt: "asc" } });

  it("owners and admins set it in the project settings, audited; readers see it; others are refused", async () => {
    const t = await tenant("retention-settings");
    const viewer = await addMember(t, "viewer");
    const engineer = await addMember(t, "engineer");
    const admin = await addMember(t, "admin");
    const params = { projectId: t.project.id };

    const seen = await call(settingsRoute.GET, "GET", { params, cookie: viewer.cookie });
    expect(seen.status).toBe(200);
    expect(seen.json).toEqual({ days: null, deletesBefore: null, oldestTraceAt: null });
    for (const who of [viewer, engineer]) {
      const refused = await call(settingsRoute.PUT, "PUT", { params, cookie: who.cookie, body: { days: 1 } });
      expect(refused.status).toBe(403);
      expect(refused.json.error.message).toMatch(/cannot retention configure/);
    }
    expect(await audits(t.project.id)).toEqual([]);

    const set = await call(settingsRoute.PUT, "PUT", { params, cookie: admin.cookie, body: { days: 90 } });
    expect(set.status).toBe(200);
    expect(set.json.days).toBe(90);
    expect(new Date(set.json.deletesBefore).getTime()).toBeLessThanOrEqual(Date.now() - 90 * 86_400_000);
    const back = await call(settingsRoute.PUT, "PUT", { params, cookie: t.owner.cookie, body: { days: null } });
    expect(back.json).toMatchObject({ days: null, deletesBefore: null });
    expect((await audits(t.project.id)).map((a) => ({ actor: a.actorUserId, before: a.before, after: a.after }))).toEqual([
      { actor: admin.user.id, before: { days: null }, after: { days: 90 } },
      { actor: t.owner.user.id, before: { days: 90 }, after: { days: null } },
    ]);

    for (const [body, message] of [[{ days: 0 }, /body\.days: must be at least 1 day/], [{ days: 1.5 }, /body\.days: must be a whole number/], [{ days: 40000 }, /at most 36500/], [{}, /body\.days/], [{ days: 7, extra: 1 }, /extra/]] as const) {
      const bad = await call(settingsRoute.PUT, "PUT", { params, cookie: t.owner.cookie, body });
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(bad.json.error.message).toMatch(message);
    }

    // Another org's owner sees no such project.
    const other = await createOrgAndProject("retention-other");
    expect((await call(settingsRoute.GET, "GET", { params, cookie: other.owner.cookie })).status).toBe(404);
    expect((await call(settingsRoute.PUT, "PUT", { params, cookie: other.owner.cookie, body: { days: 1 } })).status).toBe(404);
    expect(await db.projectSettings.findUnique({ where: { projectId: t.project.id }, select: { traceRetentionDays: true } })).toEqual({ traceRetentionDays: null });
  });

  it("the public API reads and sets it with a secret key whose creator is an owner or admin, for the key's project only", async () => {
    const t = await tenant("retention-public");
    const engineer = await addMember(t, "engineer");
    const ownerKey = await createApiKey({ project: t.project, note: "ci", actorUserId: t.owner.user.id });
    const engineerKey = await createApiKey({ project: t.project, note: "eng", actorUserId: engineer.user.id });
    const other = await tenant("retention-public-other");

    const refused = await call(publicRoute.PUT, "PUT", { authorization: `Bearer ${engineerKey.secretKey}`, body: { days: 1 } });
    expect(refused.status).toBe(403);
    expect(refused.json.error.message).toMatch(/created by a member whose role is now engineer/);
    expect((await call(publicRoute.PUT, "PUT", { authorization: `Bearer ${ownerKey.publicKey}`, body: { days: 1 } })).status).toBe(403);

    const set = await call(publicRoute.PUT, "PUT", { authorization: `Bearer ${ownerKey.secretKey}`, body: { days: 14 } });
    expect(set.status).toBe(200);
    expect(set.json.days).toBe(14);
    const audit = await audits(t.project.id);
    expect(audit.map((a) => ({ key: a.actorApiKey, user: a.actorUserId, after: a.after }))).toEqual([{ key: ownerKey.id, user: null, after: { days: 14 } }]);

    // The key decides the project: the other tenant's key reads and changes only its own.
    expect((await call(publicRoute.GET, "GET", { authorization: other.auth })).json.days).toBeNull();
    expect((await call(publicRoute.PUT, "PUT", { authorization: other.auth, body: { days: 3 } })).json.days).toBe(3);
    expect((await call(publicRoute.GET, "GET", { authorization: `Bearer ${engineerKey.secretKey}` })).json.days).toBe(14);

    // A key acts with its creator's role of today: an admin's key stops working for this once the admin is demoted.
    const admin = await addMember(t, "admin");
    const adminKey = await createApiKey({ project: t.project, note: "admin", actorUserId: admin.user.id });
    expect((await call(publicRoute.PUT, "PUT", { authorization: `Bearer ${adminKey.secretKey}`, body: { days: 30 } })).status).toBe(200);
    await db.membership.update({ where: { orgId_userId: { orgId: t.org.id, userId: admin.user.id } }, data: { role: "pm" } });
    expect((await call(publicRoute.PUT, "PUT", { authorization: `Bearer ${adminKey.secretKey}`, body: { days: 1 } })).status).toBe(403);
    expect((await call(publicRoute.GET, "GET", { authorization: `Bearer ${adminKey.secretKey}` })).json.days).toBe(30);
  });
});
