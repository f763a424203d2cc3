import { beforeAll, describe, expect, it } from "vitest";
import * as sessionRoute from "@/app/api/projects/[projectId]/sessions/[sessionId]/route";
import * as sessionsRoute from "@/app/api/projects/[projectId]/sessions/route";
import * as traceRoute from "@/app/api/projects/[projectId]/traces/[traceId]/route";
import * as ingestRoute from "@/app/api/public/ingest/route";
import { addMember, createKey, createOrgAndProject, type Member } from "../factories";
import { hex } from "../support/ingest";
import { call } from "../support/route";

type Tenant = Awaited<ReturnType<typeof createOrgAndProject>>;
const BASE = Date.UTC(2026, 9, 1, 12, 0, 0);
const at = (ms: number) => new Date(BASE + ms).toISOString();

/** One trace: a root span and an LLM child, in session `sessionId`, starting `startMs` after BASE. */
function traceEvents(o: { traceId: string; sessionId: string | null; startMs: number; userId?: string; error?: boolean; question?: string; answer?: string }) {
  const rootId = hex(8);
  const llmId = hex(8);
  const common = { sessionId: o.sessionId, userId: o.userId ?? "u-1" };
  return [
    { id: `t-${o.traceId}`, type: "trace", body: { id: o.traceId, name: "turn", ...common } },
    { id: `s-${rootId}`, type: "span", body: { id: rootId, traceId: o.traceId, name: "pipeline", startTime: at(o.startMs), endTime: at(o.startMs + 900), input: { question: o.question ?? "q" }, output: o.error ? null : { answer: o.answer ?? "a" }, level: o.error ? "ERROR" : "DEFAULT", statusMessage: o.error ? "model exploded" : null, ...common } },
    {
      id: `g-${llmId}`, type: "generation",
      body: { id: llmId, traceId: o.traceId, parentId: rootId, name: "chat", startTime: at(o.startMs + 100), endTime: at(o.startMs + 800), model: "gpt-4o-mini", usage: { input: 100, output: 20 }, ...common },
    },
  ];
}

async function ingest(secretKey: string, batch: unknown[]) {
  const res = await call(ingestRoute.POST, "POST", { authorization: `Bearer ${secretKey}`, body: { batch } });
  expect(res.status).toBe(207);
  for (const r of res.json.results) expect(r.status).toBe(201);
}

let a: Tenant;
let b: Tenant;
let aKey: string;
let bKey: string;
let annotator: Member;
let viewer: Member;

beforeAll(async () => {
  [a, b] = await Promise.all([createOrgAndProject("detail-a"), createOrgAndProject("detail-b")]);
  [aKey, bKey] = await Promise.all([createKey(a.project).then((k) => k.secretKey), createKey(b.project).then((k) => k.secretKey)]);
  annotator = await addMember(a, "annotator");
  viewer = await addMember(a, "viewer");
});

const detail = (projectId: string, traceId: string, cookie: string) => call(traceRoute.GET, "GET", { params: { projectId, traceId }, cookie });
const sessions = (projectId: string, cookie: string, query: Record<string, string> = {}) => call(sessionsRoute.GET, "GET", { params: { projectId }, cookie, query });
const session = (projectId: string, sessionId: string, cookie: string, query: Record<string, string> = {}) =>
  call(sessionRoute.GET, "GET", { params: { projectId, sessionId }, cookie, query });

describe("GET /api/projects/[projectId]/traces/[traceId]", () => {
  it("returns the spans and scores of this trace in this project only", async () => {
    const shared = hex(16);
    const other = hex(16);
    // Trace ids are client-chosen: project B uses the same id, and project A has a second trace.
    await ingest(aKey, [...traceEvents({ traceId: shared, sessionId: null, startMs: 0, question: "from A" }), ...traceEvents({ traceId: other, sessionId: null, startMs: 5000 })]);
    await ingest(bKey, traceEvents({ traceId: shared, sessionId: null, startMs: 0, question: "from B" }));
    await ingest(aKey, [
      { id: hex(8), type: "score", body: { id: "sc-a", traceId: shared, name: "user_feedback", value: false, comment: "wrong", source: "user_feedback" } },
      { id: hex(8), type: "score", body: { id: "sc-other", traceId: other, name: "quality", value: 0.4 } },
    ]);
    await ingest(bKey, [{ id: hex(8), type: "score", body: { id: "sc-b", traceId: shared, name: "quality", value: 1 } }]);

    const res = await detail(a.project.id, shared, viewer.cookie);
    expect(res.status).toBe(200);
    expect(res.json.id).toBe(shared);
    expect(res.json.spans).toHaveLength(2);
    expect(res.json.spans.every((s: { traceId: string }) => s.traceId === shared)).toBe(true);
    expect(res.json.spans[0].input).toEqual({ question: "from A" });
    expect(res.json.spans.map((s: { name: string }) => s.name)).toEqual(["pipeline", "chat"]);
    expect(res.json.scores.map((s: { id: string; value: unknown; comment: string }) => [s.id, s.value, s.comment])).toEqual([["sc-a", false, "wrong"]]);
    expect(res.json.costEstimated).toBe(false);
  });

  it("answers 404 for unknown traces and other projects' users, 403 for annotators", async () => {
    const id = hex(16);
    await ingest(aKey, traceEvents({ traceId: id, sessionId: null, startMs: 0 }));
    expect((await detail(a.project.id, hex(16), a.owner.cookie)).status).toBe(404);
    const foreign = await detail(a.project.id, id, b.owner.cookie);
    expect(foreign.status).toBe(404);
    expect(foreign.json.error.code).toBe("NOT_FOUND");
    const denied = await detail(a.project.id, id, annotator.cookie);
    expect(denied.status).toBe(403);
    expect(denied.json.error.code).toBe("FORBIDDEN");
  });
});

describe("sessions", () => {
  let t: Tenant;
  let key: string;
  let pm: Member;
  const sid = (n: number) => `s-${n}`;
  // Session n's traces start at n minutes (+ offsets); sessions 7 and 8 end at the same instant to test the tie-break,
  // and session 9's two traces start at the same instant (it must still be listed once).
  const plan = [
    { s: 1, starts: [0, 30_000], user: "alice" },
    { s: 2, starts: [60_000], user: "bob" },
    { s: 3, starts: [120_000, 130_000, 140_000], user: "alice", errorAt: 1 },
    { s: 4, starts: [180_000], user: "carol" },
    { s: 5, starts: [240_000, 245_000], user: "bob" },
    { s: 6, starts: [300_000], user: "alice" },
    { s: 7, starts: [330_000], user: "dave" },
    { s: 8, starts: [330_000], user: "dave" },
    { s: 9, starts: [360_000, 360_000], user: "erin" },
  ];
  beforeAll(async () => {
    t = await createOrgAndProject("sessions");
    key = (await createKey(t.project)).secretKey;
    pm = await addMember(t, "pm");
    const batch = plan.flatMap((p) => p.starts.map((start, i) =>
      traceEvents({ traceId: `tr-${p.s}-${i}`, sessionId: sid(p.s), startMs: start, userId: p.user, error: p.errorAt === i, question: `q${p.s}.${i}`, answer: `a${p.s}.${i}` }),
    ).flat());
    // Out of order, and a trace without a session that must not appear.
    await ingest(key, [...batch.reverse(), ...traceEvents({ traceId: "no-session", sessionId: null, startMs: 400_000 })]);
    await ingest(key, [{ id: hex(8), type: "score", body: { id: "fb-3", traceId: "tr-3-2", name: "user_feedback", value: true, comment: "thanks" } }]);
  });

  it("lists sessions by last activity with counts, users, cost and errors", async () => {
    const res = await sessions(t.project.id, pm.cookie, {});
    expect(res.status).toBe(200);
    expect(res.json.data.map((s: { sessionId: string }) => s.sessionId)).toEqual(["s-9", "s-8", "s-7", "s-6", "s-5", "s-4", "s-3", "s-2", "s-1"]);
    expect(res.json.data[0]).toMatchObject({ sessionId: "s-9", traceCount: 2 });
    const s3 = res.json.data.find((s: { sessionId: string }) => s.sessionId === "s-3");
    expect(s3).toMatchObject({ traceCount: 3, userId: "alice", userCount: 1, errorTraces: 1, usage: { inputTokens: 300, outputTokens: 60 } });
    expect(new Date(s3.firstActivity).toISOString()).toBe(at(120_000));
    expect(new Date(s3.lastActivity).toISOString()).toBe(at(140_000));
    expect(new Date(s3.lastEnd).toISOString()).toBe(at(140_900));
    expect(s3.totalCost).toBeGreaterThan(0);
    expect(res.json.nextCursor).toBeNull();
  });

  it("filters by user and by last-activity time", async () => {
    const alice = await sessions(t.project.id, pm.cookie, { userId: "alice" });
    expect(alice.json.data.map((s: { sessionId: string }) => s.sessionId)).toEqual(["s-6", "s-3", "s-1"]);
    const window = await sessions(t.project.id, pm.cookie, { from: at(130_000), to: at(300_000) });
    // s-3's last trace started at 140 s and s-5's at 245 s; s-6 starts exactly at `to` (exclusive).
    expect(window.json.data.map((s: { sessionId: string }) => s.sessionId)).toEqual(["s-5", "s-4", "s-3"]);
    // Totals still cover the whole session, not only the part inside the range.
    expect(window.json.data.find((s: { sessionId: string }) => s.sessionId === "s-3").traceCount).toBe(3);
  });

  it("pages with a keyset cursor that never skips or repeats, even while new sessions arrive", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const res = await sessions(t.project.id, pm.cookie, { limit: "3", ...(cursor ? { cursor } : {}) });
      expect(res.status).toBe(200);
      expect(res.json.data.length).toBeLessThanOrEqual(3);
      seen.push(...res.json.data.map((s: { sessionId: string }) => s.sessionId));
      cursor = res.json.nextCursor ?? undefined;
      // A newer session arrives after the first page: it belongs before the cursor, so later pages are unaffected.
      if (pages++ === 0) await ingest(key, traceEvents({ traceId: `late-${hex(4)}`, sessionId: `late-${pages}`, startMs: 900_000 }));
    } while (cursor);
    expect(seen).toEqual(["s-9", "s-8", "s-7", "s-6", "s-5", "s-4", "s-3", "s-2", "s-1"]);
    expect(pages).toBe(3);
  });

  it("returns one session's traces in start order with input, output and feedback, paginated", async () => {
    const res = await session(t.project.id, "s-3", pm.cookie);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ sessionId: "s-3", traceCount: 3, errorTraces: 1, userIds: ["alice"], nextCursor: null });
    expect(res.json.traces.map((x: { id: string }) => x.id)).toEqual(["tr-3-0", "tr-3-1", "tr-3-2"]);
    expect(res.json.traces[0]).toMatchObject({ input: { question: "q3.0" }, output: { answer: "a3.0" }, status: "ok", latencyMs: 900 });
    expect(res.json.traces[1]).toMatchObject({ status: "error", output: null, errorMessage: "model exploded" });
    expect(res.json.traces[0].errorMessage).toBeNull();
    expect(res.json.traces[2].scores.map((s: { value: boolean; comment: string }) => [s.value, s.comment])).toEqual([[true, "thanks"]]);

    const first = await session(t.project.id, "s-3", pm.cookie, { limit: "2" });
    expect(first.json.traces.map((x: { id: string }) => x.id)).toEqual(["tr-3-0", "tr-3-1"]);
    const second = await session(t.project.id, "s-3", pm.cookie, { limit: "2", cursor: first.json.nextCursor });
    expect(second.json.traces.map((x: { id: string }) => x.id)).toEqual(["tr-3-2"]);
    expect(second.json.nextCursor).toBeNull();
  });

  it("keeps sessions inside their project and their role", async () => {
    const other = await createOrgAndProject("sessions-other");
    const otherKey = (await createKey(other.project)).secretKey;
    await ingest(otherKey, traceEvents({ traceId: "tr-x", sessionId: "only-in-other", startMs: 0 }));
    // Same session id in another project: not visible from this one.
    expect((await session(t.project.id, "only-in-other", t.owner.cookie)).status).toBe(404);
    expect((await session(other.project.id, "s-3", other.owner.cookie)).status).toBe(404);
    const otherList = await sessions(other.project.id, other.owner.cookie);
    expect(otherList.json.data.map((s: { sessionId: string }) => s.sessionId)).toEqual(["only-in-other"]);
    // Another project's user: 404 for list and detail.
    for (const res of [await sessions(t.project.id, other.owner.cookie), await session(t.project.id, "s-3", other.owner.cookie)]) {
      expect(res.status).toBe(404);
      expect(res.json.error.code).toBe("NOT_FOUND");
    }
    const ann = await addMember(t, "annotator");
    for (const res of [await sessions(t.project.id, ann.cookie), await session(t.project.id, "s-3", ann.cookie)]) {
      expect(res.status).toBe(403);
      expect(res.json.error.code).toBe("FORBIDDEN");
    }
  });

  it("rejects bad cursors and bad times with 400 saying where", async () => {
    for (const cursor of ["nope", Buffer.from(JSON.stringify(["yesterday", "s-1"])).toString("base64url"), Buffer.from("[1,2]").toString("base64url")]) {
      const list = await sessions(t.project.id, t.owner.cookie, { cursor });
      expect(list.status).toBe(400);
      expect(list.json.error.message).toContain("query.cursor");
      const one = await session(t.project.id, "s-3", t.owner.cookie, { cursor });
      expect(one.status).toBe(400);
    }
    const time = await sessions(t.project.id, t.owner.cookie, { from: "last week" });
    expect(time.status).toBe(400);
    expect(time.json.error.message).toContain("query.from");
    expect((await sessions(t.project.id, t.owner.cookie, { limit: "0" })).status).toBe(400);
  });
});
