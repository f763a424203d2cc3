// The annotation API: queues and pairs all-or-nothing, judgments import, stats, TRL export, JSONL import by line.
import { describe, expect, it } from "vitest";
import * as importRoute from "@/app/api/projects/[projectId]/annotation-queues/[queueId]/import/route";
import * as adjudicationRoute from "@/app/api/projects/[projectId]/annotation-queues/[queueId]/pairs/[pairId]/adjudication/route";
import * as goldRoute from "@/app/api/projects/[projectId]/annotation-queues/[queueId]/pairs/[pairId]/gold/route";
import * as disagreementsRoute from "@/app/api/projects/[projectId]/annotation-queues/[queueId]/disagreements/route";
import * as publicQueues from "@/app/api/public/annotation-queues/route";
import * as publicPairs from "@/app/api/public/annotation-queues/[queueId]/pairs/route";
import * as publicJudgments from "@/app/api/public/annotation-queues/[queueId]/judgments/route";
import * as publicStats from "@/app/api/public/annotation-queues/[queueId]/stats/route";
import * as publicExport from "@/app/api/public/annotation-queues/[queueId]/export/route";
import { db } from "@/lib/db";
import { addPairsResponse, createQueueResponse, importJudgmentsResponse, queueStatsResponse } from "@/lib/schemas/annotation-responses";
import { addMember, createUser } from "../factories";
import { annotationTenant, annotators, judge, next, queueWithPairs } from "../support/annotation";
import { call } from "../support/route";

const jsonl = (text: string) => text.trim().split("\n").filter(Boolean).map((l) => JSON.parse(l));

describe("annotation API", () => {
  it("creates a queue, refuses a batch with one bad pair by index storing nothing, and keeps provenance", async () => {
    const t = await annotationTenant("annot-api");
    const created = await call(publicQueues.POST, "POST", { authorization: t.auth, body: { name: "tone", instructions: "Be **fair**", judgmentsPerPair: 2 } });
    expect(created.status).toBe(201);
    createQueueResponse.parse(created.json);
    expect((await call(publicQueues.POST, "POST", { authorization: t.auth, body: { name: "tone" } })).status).toBe(409);
    expect((await call(publicQueues.POST, "POST", { authorization: t.auth, body: { name: "x", judgmentsPerPair: 0 } })).json.error.message).toContain("body.judgmentsPerPair");
    const queueId = created.json.id;
    const good = { prompt: [{ role: "user", content: "hi" }], responseA: "a", responseB: "b", traceIds: ["t1", "t2"], runIds: ["r1"], promptVersions: ["bot@1", "bot@2"], metadata: { lang: "en" } };
    const bad = await call(publicPairs.POST, "POST", { authorization: t.auth, params: { queueId }, body: { pairs: [good, good, { prompt: "q", responseA: "a" }] } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toContain("body.pairs.2.responseB");
    expect(await db.preferencePair.count({ where: { projectId: t.project.id } })).toBe(0);
    const ok = await call(publicPairs.POST, "POST", { authorization: t.auth, params: { queueId }, body: { pairs: [good, { ...good, prompt: "plain" }] } });
    expect(ok.status).toBe(201);
    expect(addPairsResponse.parse(ok.json).pairIds).toHaveLength(2);
    const stored = await db.preferencePair.findFirstOrThrow({ where: { projectId: t.project.id, id: ok.json.pairIds[0] } });
    expect(stored).toMatchObject({ traceIds: ["t1", "t2"], runIds: ["r1"], promptVersions: ["bot@1", "bot@2"], metadata: { lang: "en" } });
    // Another project's key: the queue does not exist for it.
    const other = await annotationTenant("annot-api-other");
    expect((await call(publicPairs.POST, "POST", { authorization: other.auth, params: { queueId }, body: { pairs: [good] } })).status).toBe(404);
    expect((await call(publicStats.GET, "GET", { authorization: other.auth, params: { queueId } })).status).toBe(404);
  });

  it("imports judgments only for members, computes stats, and adjudication decides the export", async () => {
    const t = await annotationTenant("annot-stats");
    const [x, y] = await annotators(t, 2);
    const { queueId, pairIds } = await queueWithPairs(t, { k: 2, pairs: 4, members: [x!, y!] });
    const outsider = await createUser("outsider");
    const refused = await call(publicJudgments.POST, "POST", { authorization: t.auth, params: { queueId }, body: { judgments: [{ pairId: pairIds[0], annotator: x!.user.email, choice: "A" }, { pairId: pairIds[0], annotator: outsider.email, choice: "A" }] } });
    expect(refused.status).toBe(400);
    expect(refused.json.error.message).toContain("body.judgments.1");
    expect(await db.judgment.count({ where: { projectId: t.project.id } })).toBe(0);
    // x: A A B B; y: A B A B — chance agreement: kappa 0, alpha 1/8.
    const xs = ["A", "A", "B", "B"];
    const ys = ["A", "B", "A", "B"];
    const judgments = pairIds.flatMap((pairId, i) => [
      { pairId, annotator: x!.user.email, choice: xs[i], rationale: `x says ${xs[i]}` },
      { pairId, annotator: y!.user.email, choice: ys[i] },
    ]);
    const imported = await call(publicJudgments.POST, "POST", { authorization: t.auth, params: { queueId }, body: { judgments } });
    expect(imported.status, JSON.stringify(imported.json)).toBe(201);
    expect(importJudgmentsResponse.parse(imported.json).judgmentIds).toHaveLength(8);
    const stats = await call(publicStats.GET, "GET", { authorization: t.auth, params: { queueId } });
    expect(stats.status).toBe(200);
    queueStatsResponse.parse(stats.json);
    expect(stats.json.kappa).toEqual([expect.objectContaining({ sharedPairs: 4, kappa: 0 })]);
    expect(stats.json.alpha).toBeCloseTo(0.125, 10);
    expect(stats.json).toMatchObject({ pairs: 4, judgments: 8, decided: 2, disagreements: 2 });
    // Imported pairs are finished for those annotators: nothing left to hand out.
    expect((await next(t, queueId, x!)).json.pair).toBeNull();
    const lead = t.owner;
    const disputed = await call(disagreementsRoute.GET, "GET", { params: { projectId: t.project.id, queueId }, cookie: lead.cookie });
    expect(disputed.json.pairs.map((p: { id: string }) => p.id)).toEqual([pairIds[1], pairIds[2]]);
    expect(disputed.json.pairs[0].judgments.map((j: { rationale: string | null }) => j.rationale)).toEqual(["x says A", null]);
    const adj = await call(adjudicationRoute.PUT, "PUT", { params: { projectId: t.project.id, queueId, pairId: pairIds[1]! }, cookie: lead.cookie, body: { choice: "B", note: "B is right" } });
    expect(adj.status).toBe(200);
    const dpo = await call(publicExport.GET, "GET", { authorization: t.auth, params: { queueId }, query: { format: "dpo" } });
    expect(dpo.status).toBe(200);
    expect(dpo.headers.get("content-type")).toContain("ndjson");
    // Pair 0 (both A), pair 1 (adjudicated B), pair 3 (both B); pair 2 undecided.
    expect(jsonl(dpo.json).map((r) => [r.prompt, r.chosen, r.rejected])).toEqual([
      ["question 0", "good 0", "bad 0"],
      ["question 1", "bad 1", "good 1"],
      ["question 3", "bad 3", "good 3"],
    ]);
    // minAgreement drops nothing here (majorities are unanimous); the adjudicated pair (agreement .5) is kept.
    expect(jsonl((await call(publicExport.GET, "GET", { authorization: t.auth, params: { queueId }, query: { format: "dpo", minAgreement: "1" } })).json)).toHaveLength(3);
    const kto = jsonl((await call(publicExport.GET, "GET", { authorization: t.auth, params: { queueId }, query: { format: "kto", style: "conversational" } })).json);
    expect(kto).toHaveLength(6);
    expect(kto[0]).toEqual({ prompt: [{ role: "user", content: "question 0" }], completion: [{ role: "assistant", content: "good 0" }], label: true, pair_id: pairIds[0] });
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await call(publicExport.GET, "GET", { authorization: t.auth, params: { queueId }, query: { format: "dpo", from: future } })).json).toBe(null);
    expect((await call(publicExport.GET, "GET", { authorization: t.auth, params: { queueId }, query: { format: "csv" } })).status).toBe(400);
    // Gold: accuracy per annotator on the stats.
    await call(goldRoute.PUT, "PUT", { params: { projectId: t.project.id, queueId, pairId: pairIds[1]! }, cookie: lead.cookie, body: { choice: "A" } });
    const withGold = await call(publicStats.GET, "GET", { authorization: t.auth, params: { queueId } });
    expect(withGold.json.annotators.map((a: { goldAccuracy: number }) => a.goldAccuracy).sort()).toEqual([0, 1]);
  });

  it("export: chosen and rejected follow the final label across randomized screen sides", async () => {
    const t = await annotationTenant("annot-export-sides");
    const members = await annotators(t, 3);
    const { queueId, pairIds } = await queueWithPairs(t, { k: 3, pairs: 16, members });
    // Every annotator prefers the "good" response wherever it was shown.
    for (const m of members) {
      for (;;) {
        const pair = (await next(t, queueId, m)).json.pair;
        if (!pair) break;
        const pick = pair.left.startsWith("good") ? "left" : "right";
        expect((await judge(t, queueId, m, { pairId: pair.id, pick })).status).toBe(201);
      }
    }
    const sides = await db.judgment.groupBy({ by: ["leftSide"], where: { projectId: t.project.id, queueId }, _count: { _all: true } });
    // The sides really were randomized: both orders occurred.
    expect(sides.map((s) => s.leftSide).sort()).toEqual(["A", "B"]);
    const rows = jsonl((await call(publicExport.GET, "GET", { authorization: t.auth, params: { queueId }, query: { format: "dpo" } })).json);
    expect(rows).toHaveLength(pairIds.length);
    for (const r of rows) {
      expect(r.chosen).toMatch(/^good /);
      expect(r.rejected).toMatch(/^bad /);
    }
  });

  it("JSONL import reports every bad line by number and imports nothing", async () => {
    const t = await annotationTenant("annot-import");
    const { queueId } = await queueWithPairs(t, { pairs: 1, members: [] });
    const before = await db.preferencePair.count({ where: { projectId: t.project.id } });
    const params = { projectId: t.project.id, queueId };
    const file = ['{"prompt":"q","response_a":"a","response_b":"b","metadata":{"n":1}}', "not json", '{"prompt":"q","response_a":"a"}', '{"prompt":"q","response_a":"a","response_b":"b","extra":1}'].join("\n");
    const res = await call(importRoute.POST, "POST", { params, cookie: t.owner.cookie, rawBody: file });
    expect(res.status).toBe(400);
    expect(res.json.error.details.map((d: { line: number }) => d.line)).toEqual([2, 3, 4]);
    expect(res.json.error.message).toContain("line 2");
    expect(await db.preferencePair.count({ where: { projectId: t.project.id } })).toBe(before);
    const ok = await call(importRoute.POST, "POST", { params, cookie: t.owner.cookie, rawBody: `${file.split("\n")[0]}\n\n${file.split("\n")[0]}\n` });
    expect(ok.status).toBe(201);
    expect(ok.json.imported).toBe(2);
    const viewer = await addMember(t, "viewer");
    expect((await call(importRoute.POST, "POST", { params, cookie: viewer.cookie, rawBody: file })).status).toBe(403);
  });
});

describe("pair sources", () => {
  it("makes a pair from two traces with the same input (explorer) and refuses different inputs", async () => {
    const { sampleTraceEvents } = await import("../support/ingest");
    const ingest = await import("@/app/api/public/ingest/route");
    const fromTraces = await import("@/app/api/projects/[projectId]/annotation-queues/[queueId]/pairs/from-traces/route");
    const t = await annotationTenant("annot-from-traces");
    const { queueId } = await queueWithPairs(t, { pairs: 1, members: [] });
    const withOutput = (output: string, question = "How do refunds work?") => {
      const s = sampleTraceEvents({ output });
      (s.events[1]!.body as Record<string, unknown>).input = { question };
      (s.events[1]!.body as Record<string, unknown>).output = output;
      return s;
    };
    const a = withOutput("Refunds take 5 days.");
    const b = withOutput("Refunds take a week.");
    const c = withOutput("Other.", "Where is my parcel?");
    for (const s of [a, b, c]) expect((await call(ingest.POST, "POST", { authorization: t.auth, body: { batch: s.events } })).status).toBe(207);
    const params = { projectId: t.project.id, queueId };
    const made = await call(fromTraces.POST, "POST", { params, cookie: t.owner.cookie, body: { traceIds: [a.traceId, b.traceId] } });
    expect(made.status, JSON.stringify(made.json)).toBe(201);
    const pair = await db.preferencePair.findFirstOrThrow({ where: { projectId: t.project.id, id: made.json.pairIds[0] } });
    expect(pair).toMatchObject({ source: "traces", traceIds: [a.traceId, b.traceId], responseA: "Refunds take 5 days.", responseB: "Refunds take a week.", promptVersions: ["support-answer@2", "support-answer@2"] });
    const different = await call(fromTraces.POST, "POST", { params, cookie: t.owner.cookie, body: { traceIds: [a.traceId, c.traceId] } });
    expect(different.status).toBe(400);
    expect(different.json.error.message).toContain("different inputs");
    const annotator = await addMember(t, "annotator");
    expect((await call(fromTraces.POST, "POST", { params, cookie: annotator.cookie, body: { traceIds: [a.traceId, b.traceId] } })).status).toBe(403);
  });
});
