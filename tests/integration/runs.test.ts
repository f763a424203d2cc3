// Regression runs end to end: real Postgres, the fake provider over real HTTP on 127.0.0.1,
// the run executor as the worker runs it (and once through pg-boss itself).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as itemRoute from "@/app/api/projects/[projectId]/datasets/[datasetId]/items/[itemId]/route";
import * as itemsRoute from "@/app/api/projects/[projectId]/datasets/[datasetId]/items/route";
import * as connectionsRoute from "@/app/api/projects/[projectId]/llm-connections/route";
import * as uiCancelRoute from "@/app/api/projects/[projectId]/runs/[runId]/cancel/route";
import * as uiItemsRoute from "@/app/api/projects/[projectId]/runs/[runId]/items/route";
import * as uiRunRoute from "@/app/api/projects/[projectId]/runs/[runId]/route";
import * as uiRunsRoute from "@/app/api/projects/[projectId]/runs/route";
import * as publicRunRoute from "@/app/api/public/runs/[runId]/route";
import * as publicRunsRoute from "@/app/api/public/runs/route";
import { db } from "@/lib/db";
import { startBoss } from "@/lib/jobs/boss";
import { registerRunJobs } from "@/lib/jobs/run-jobs";
import { executeRun } from "@/lib/runs/execute-run";
import { addMember, createKey, createOrgAndProject } from "../factories";
import { createDataset } from "../support/datasets";
import { type FakeLlm, startFakeLlm } from "../support/fake-llm";
import { seedPrompt } from "../support/prompt-rows";
import { call } from "../support/route";

let llm: FakeLlm;
beforeAll(async () => {
  llm = await startFakeLlm({ models: ["gpt-4o-mini"], apiKey: "sk-runs-fake-0000" });
});
afterAll(() => llm.close());
beforeEach(() => llm.reset());

const limits = { timeoutMs: 5_000, retry: { maxAttempts: 3, baseDelayMs: 10 } };
type Tenant = Awaited<ReturnType<typeof createOrgAndProject>>;

/** A project with a golden set of `n` items ({ question: "q<i>" }, expected "a<i>"), a connection to the fake provider and prompt "qa" (production → v1 "v1: {{question}}"). */
async function setup(n: number) {
  const t = await createOrgAndProject("runs");
  const key = await createKey(t.project);
  const p = { projectId: t.project.id };
  const dataset = await createDataset(t, "golden");
  const itemIds: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await call(itemsRoute.POST, "POST", { params: { ...p, datasetId: dataset.id }, cookie: t.owner.cookie, body: { input: { question: `q${i}` }, expectedOutput: `a${i}` } });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    itemIds.push(res.json.itemId);
  }
  const conn = await call(connectionsRoute.POST, "POST", { params: p, cookie: t.owner.cookie, body: { name: "fake", baseUrl: llm.url, apiKey: "sk-runs-fake-0000", models: ["gpt-4o-mini"] } });
  expect(conn.status, JSON.stringify(conn.json)).toBe(201);
  await seedPrompt({ projectId: t.project.id, name: "qa", versions: ["v1: {{question}}"], config: { model: "gpt-4o-mini" }, labels: { production: 1 } });
  return { t, key, dataset, itemIds, auth: `Bearer ${key.secretKey}` };
}

async function start(auth: string, body: Record<string, unknown>) {
  const res = await call(publicRunsRoute.POST, "POST", { authorization: auth, body: { dataset: "golden", connection: "fake", ...body } });
  expect(res.status, JSON.stringify(res.json)).toBe(202);
  return res.json.id as string;
}
const promptRun = { prompt: { name: "qa", version: 1 }, evaluators: [{ type: "contains", value: "q" }] };
const items = (t: Tenant, runId: string) => db.runItem.findMany({ where: { projectId: t.project.id, runId }, orderBy: { position: "asc" } });
const run = (t: Tenant, runId: string) => db.run.findUniqueOrThrow({ where: { projectId_id: { projectId: t.project.id, id: runId } } });

describe("runs", () => {
  it("pins the snapshot at start, stores a trace per item, and totals cost and tokens as the sum of the items", async () => {
    const s = await setup(3);
    const p = { projectId: s.t.project.id, datasetId: s.dataset.id };
    const id = await start(s.auth, promptRun);
    // After the start: one item edited, one added. Neither change is in the run.
    expect((await call(itemRoute.PATCH, "PATCH", { params: { ...p, itemId: s.itemIds[0]! }, cookie: s.t.owner.cookie, body: { input: { question: "edited" } } })).status).toBe(200);
    expect((await call(itemsRoute.POST, "POST", { params: p, cookie: s.t.owner.cookie, body: { input: { question: "late" } } })).status).toBe(201);
    expect(await executeRun({ projectId: s.t.project.id, runId: id, limits })).toEqual({ status: "succeeded" });

    const rows = await items(s.t, id);
    expect(rows.map((r) => [r.itemId, r.itemVersion, r.input])).toEqual(s.itemIds.map((itemId, i) => [itemId, 1, { question: `q${i}` }]));
    expect(llm.chatRequests().map((r) => r.body!.messages![0]!.content).sort()).toEqual(["v1: q0", "v1: q1", "v1: q2"]);
    expect(rows.every((r) => r.status === "done" && r.passed && r.output === "echo: v1: q" + r.position)).toBe(true);

    const r = await run(s.t, id);
    expect(r).toMatchObject({ status: "succeeded", total: 3, done: 3, failed: 0, passed: true, promptVersion: 1, model: "gpt-4o-mini" });
    expect(Number(r.cost)).toBeGreaterThan(0);
    expect(Number(r.cost)).toBeCloseTo(rows.reduce((n, i) => n + Number(i.cost), 0), 10);
    expect(r.inputTokens).toBe(rows.reduce((n, i) => n + i.inputTokens!, 0));
    expect(r.outputTokens).toBe(rows.reduce((n, i) => n + i.outputTokens!, 0));
    expect(r.totalTokens).toBe(r.inputTokens + r.outputTokens);

    const traces = await db.trace.findMany({ where: { projectId: s.t.project.id, id: { in: rows.map((i) => i.traceId!) } } });
    expect(traces).toHaveLength(3);
    expect(traces.every((t) => t.environment === "experiment")).toBe(true);
    const span = await db.span.findFirstOrThrow({ where: { projectId: s.t.project.id, traceId: rows[0]!.traceId! } });
    expect(span).toMatchObject({ promptName: "qa", promptVersion: 1, model: "gpt-4o-mini", environment: "experiment" });
    expect(span.metadata).toMatchObject({ runId: id, runItemId: rows[0]!.id, datasetItemId: rows[0]!.itemId });

    const pub = await call(publicRunRoute.GET, "GET", { authorization: s.auth, params: { runId: id } });
    expect(pub.json).toMatchObject({ status: "succeeded", progress: { done: 3, total: 3, failed: 0 }, passed: true, summary: { passRate: 1, evaluators: { contains: { mean: 1, passRate: 1 } } } });
    expect(pub.json.summary.latencyP50Ms).toEqual(expect.any(Number));
    expect(pub.json.summary.cost).toBeCloseTo(Number(r.cost), 10);
  });

  it("honours 429 + Retry-After and then succeeds; a 500 until the last retry fails the item with the reason", async () => {
    const s = await setup(2);
    llm.script({ when: { contains: "q0" }, times: 1, reply: { status: 429, retryAfter: 1 } });
    llm.script({ when: { contains: "q1" }, reply: { status: 500 } });
    const started = Date.now();
    const id = await start(s.auth, { ...promptRun, minPassRate: 0.5 });
    await executeRun({ projectId: s.t.project.id, runId: id, limits });
    const [ok, bad] = await items(s.t, id);
    expect(ok).toMatchObject({ status: "done", passed: true });
    const q0 = llm.chatRequests().filter((r) => r.body!.messages![0]!.content === "v1: q0");
    expect(q0).toHaveLength(2);
    expect(q0[1]!.at - q0[0]!.at).toBeGreaterThanOrEqual(950);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(bad).toMatchObject({ status: "failed", passed: false });
    expect(bad!.error).toMatch(/model call failed after 3 attempts: .*answered 500.*gave up after 3 attempts/);
    expect(await run(s.t, id)).toMatchObject({ status: "succeeded", done: 2, failed: 1, passed: true });
  });

  it("marks an item judge_error (never a pass) when the judge answers malformed JSON twice", async () => {
    const s = await setup(1);
    llm.script({ when: { contains: "You are an evaluator" }, reply: { content: "I think it is fine. Score: 5" } });
    const id = await start(s.auth, { prompt: { name: "qa" }, evaluators: [{ type: "llm_judge", rubric: "Q: {{input}} A: {{output}}" }], minPassRate: 0 });
    await executeRun({ projectId: s.t.project.id, runId: id, limits });
    const [item] = await items(s.t, id);
    expect(item).toMatchObject({ status: "judge_error", passed: false });
    expect(item!.error).toMatch(/^judge error: /);
    expect(llm.chatRequests().filter((r) => JSON.stringify(r.body).includes("You are an evaluator"))).toHaveLength(2);
    const r = await run(s.t, id);
    expect(r).toMatchObject({ failed: 1, promptLabel: "production" });
    expect((r.summary as { passRate: number; judgeErrors: number })).toMatchObject({ passRate: 0, judgeErrors: 1 });
  });

  it("stops new calls on cancel; in-flight calls finish", async () => {
    const s = await setup(6);
    llm.script({ reply: { delayMs: 300 } });
    const id = await start(s.auth, { ...promptRun, concurrency: 1 });
    const running = executeRun({ projectId: s.t.project.id, runId: id, limits });
    await expect.poll(() => llm.chatRequests().length, { timeout: 5_000, interval: 20 }).toBeGreaterThanOrEqual(2);
    const cancelled = await call(uiCancelRoute.POST, "POST", { params: { projectId: s.t.project.id, runId: id }, cookie: s.t.owner.cookie });
    expect(cancelled.status).toBe(200);
    const atCancel = llm.chatRequests().length;
    expect(await running).toEqual({ status: "cancelled" });
    await new Promise((r) => setTimeout(r, 400));
    expect(llm.chatRequests().length).toBe(atCancel);
    const r = await run(s.t, id);
    expect(r).toMatchObject({ status: "cancelled", passed: false, done: atCancel });
    expect(r.summary).not.toBeNull();
    expect((await items(s.t, id)).filter((i) => i.status === "pending")).toHaveLength(6 - atCancel);
    expect((await call(uiCancelRoute.POST, "POST", { params: { projectId: s.t.project.id, runId: id }, cookie: s.t.owner.cookie })).status).toBe(409);
  });

  it("finishes every item exactly once when the worker dies mid-run and a fresh one starts", async () => {
    const s = await setup(8);
    llm.script({ reply: { delayMs: 150 } });
    const id = await start(s.auth, { ...promptRun, concurrency: 2 });
    const kill = new AbortController();
    let completed = 0;
    const first = await executeRun({ projectId: s.t.project.id, runId: id, limits, leaseMs: 600, kill: kill.signal, onItem: () => ++completed === 3 && kill.abort() });
    expect(first).toEqual({ status: "killed" });
    const mid = await items(s.t, id);
    const doneBefore = mid.filter((i) => i.status === "done").map((i) => i.id);
    expect(doneBefore.length).toBeGreaterThanOrEqual(3);
    expect(mid.some((i) => i.status === "pending" || i.status === "running")).toBe(true);

    expect(await executeRun({ projectId: s.t.project.id, runId: id, limits, leaseMs: 600 })).toEqual({ status: "succeeded" });
    const rows = await items(s.t, id);
    expect(rows.every((i) => i.status === "done" && i.passed)).toBe(true);
    const r = await run(s.t, id);
    // The counters are bumped in the completing transaction: a second completion of any item would show here.
    expect(r).toMatchObject({ total: 8, done: 8, passedItems: 8, passed: true });
    expect(Number(r.cost)).toBeCloseTo(rows.reduce((n, i) => n + Number(i.cost), 0), 10);
    // Items finished before the kill were never called again; the others at most once more than the one that completed.
    const calls = (i: (typeof rows)[number]) => llm.chatRequests().filter((q) => q.body!.messages![0]!.content === `v1: q${i.position}`).length;
    for (const i of rows) expect(calls(i), `item ${i.position}`).toBeLessThanOrEqual(doneBefore.includes(i.id) ? 1 : 2);
    expect(await db.trace.count({ where: { projectId: s.t.project.id, id: { in: rows.map((i) => i.traceId!) } } })).toBe(8);
  });

  it("scores supplied outputs without calling any model", async () => {
    const s = await setup(3);
    const id = await start(s.auth, { connection: undefined, outputs: [{ itemId: s.itemIds[0], output: "a0" }, { itemId: s.itemIds[1], output: "wrong" }], evaluators: [{ type: "exact_match" }], minPassRate: 0.3 });
    await executeRun({ projectId: s.t.project.id, runId: id, limits });
    expect(llm.chatRequests()).toHaveLength(0);
    const rows = await items(s.t, id);
    expect(rows.map((i) => [i.status, i.passed, i.traceId])).toEqual([["done", true, null], ["done", false, null], ["failed", false, null]]);
    expect(rows[2]!.error).toBe("no output was supplied for this item");
    expect(await run(s.t, id)).toMatchObject({ source: "outputs", status: "succeeded", passed: true, connectionId: null });
  });

  it("answers a bad request with a 400 naming the field", async () => {
    const s = await setup(1);
    const bad = async (body: Record<string, unknown>) => {
      const res = await call(publicRunsRoute.POST, "POST", { authorization: s.auth, body: { dataset: "golden", evaluators: [{ type: "json_valid" }], outputs: [], ...body } });
      expect(res.status).toBe(400);
      return res.json.error.message as string;
    };
    expect(await bad({ dataset: "nope" })).toBe('body.dataset: dataset "nope" not found');
    expect(await bad({ evaluators: [{ type: "json_valid" }, { type: "vibes" }] })).toMatch(/^body\.evaluators\.1\.type: /);
    expect(await bad({ evaluators: [{ type: "regex" }] })).toMatch(/^body\.evaluators\.0\.pattern: /);
    expect(await bad({ outputs: [{ itemId: s.itemIds[0], output: "x" }, { itemId: "not-an-item", output: "x" }] })).toBe("body.outputs.1.itemId: not in the dataset snapshot");
    expect(await bad({ outputs: undefined, prompt: { name: "nope" } })).toBe('body.prompt.name: prompt "nope" not found');
    expect(await bad({ outputs: undefined, prompt: { name: "qa", version: 9 } })).toBe('body.prompt.version: prompt "qa" has no version 9');
    expect(await db.run.count({ where: { projectId: s.t.project.id } })).toBe(0);
  });

  it("lets engineers start and cancel, pm and viewers read, annotators nothing; another project's key gets 404", async () => {
    const s = await setup(1);
    const p = { projectId: s.t.project.id };
    const body = { datasetId: s.dataset.id, outputs: [], evaluators: [{ type: "json_valid" }] };
    for (const role of ["annotator", "viewer", "pm"] as const) {
      const m = await addMember(s.t, role);
      expect((await call(uiRunsRoute.POST, "POST", { params: p, cookie: m.cookie, body })).status, role).toBe(403);
    }
    const engineer = await addMember(s.t, "engineer");
    const started = await call(uiRunsRoute.POST, "POST", { params: p, cookie: engineer.cookie, body });
    expect(started.status, JSON.stringify(started.json)).toBe(202);
    const runId = started.json.id as string;
    for (const role of ["pm", "viewer"] as const) {
      const m = await addMember(s.t, role);
      expect((await call(uiRunRoute.GET, "GET", { params: { ...p, runId }, cookie: m.cookie })).status, role).toBe(200);
      expect((await call(uiItemsRoute.GET, "GET", { params: { ...p, runId }, cookie: m.cookie })).json.items).toHaveLength(1);
    }
    const annotator = await addMember(s.t, "annotator");
    expect((await call(uiRunsRoute.GET, "GET", { params: p, cookie: annotator.cookie })).status).toBe(403);
    expect((await call(uiCancelRoute.POST, "POST", { params: { ...p, runId }, cookie: annotator.cookie })).status).toBe(403);
    const other = await createOrgAndProject("runs-other");
    const otherKey = await createKey(other.project);
    const res = await call(publicRunRoute.GET, "GET", { authorization: `Bearer ${otherKey.secretKey}`, params: { runId } });
    expect(res.status).toBe(404);
    expect((await call(uiCancelRoute.POST, "POST", { params: { ...p, runId }, cookie: engineer.cookie })).status).toBe(200);
  });

  it("runs through pg-boss as the worker does: POST, poll, passed", async () => {
    const s = await setup(2);
    const boss = await startBoss(process.env.DATABASE_URL!);
    try {
      await registerRunJobs(boss, { schedule: false });
      const id = await start(s.auth, promptRun);
      const poll = () => call(publicRunRoute.GET, "GET", { authorization: s.auth, params: { runId: id } }).then((r) => r.json.status);
      await expect.poll(poll, { timeout: 20_000, interval: 200 }).toBe("succeeded");
      const res = await call(publicRunRoute.GET, "GET", { authorization: s.auth, params: { runId: id } });
      expect(res.json).toMatchObject({ passed: true, progress: { done: 2, total: 2 } });
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  }, 60_000);
});
