// Single-item queues: one trace's output rated against score definitions → scores with source "annotation" on the trace.
import { describe, expect, it } from "vitest";
import * as queuesRoute from "@/app/api/projects/[projectId]/annotation-queues/route";
import * as itemsRoute from "@/app/api/projects/[projectId]/annotation-queues/[queueId]/items/route";
import * as ratingsRoute from "@/app/api/projects/[projectId]/annotation-queues/[queueId]/ratings/route";
import * as pairsRoute from "@/app/api/projects/[projectId]/annotation-queues/[queueId]/pairs/route";
import * as traceRoute from "@/app/api/projects/[projectId]/traces/[traceId]/route";
import * as tracesRoute from "@/app/api/projects/[projectId]/traces/route";
import * as ingestRoute from "@/app/api/public/ingest/route";
import { annotationTenant, annotators, judge, next, undo } from "../support/annotation";
import { sampleTraceEvents } from "../support/ingest";
import { call } from "../support/route";

const DEFINITIONS = [
  { name: "quality", type: "numeric", min: 1, max: 5 },
  { name: "tone", type: "categorical", categories: ["formal", "casual", "rude"] },
  { name: "correct", type: "boolean" },
];

describe("single-item annotation queues", () => {
  it("rates trace outputs into annotation scores on the trace (visible and filterable), validates them, and undo removes them", async () => {
    const t = await annotationTenant("annot-items");
    const [ann] = await annotators(t, 1);
    const p = { projectId: t.project.id };
    const missing = await call(queuesRoute.POST, "POST", { params: p, cookie: t.owner.cookie, body: { name: "ratings", kind: "items" } });
    expect(missing.status).toBe(400);
    expect(missing.json.error.message).toContain("body.scoreDefinitions");
    const created = await call(queuesRoute.POST, "POST", { params: p, cookie: t.owner.cookie, body: { name: "ratings", kind: "items", scoreDefinitions: DEFINITIONS, annotators: [ann!.user.email] } });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const queueId = created.json.id as string;
    const traces = [sampleTraceEvents(), sampleTraceEvents()];
    for (const s of traces) expect((await call(ingestRoute.POST, "POST", { authorization: t.auth, body: { batch: s.events } })).status).toBe(207);
    const added = await call(itemsRoute.POST, "POST", { params: { ...p, queueId }, cookie: t.owner.cookie, body: { traceIds: traces.map((s) => s.traceId) } });
    expect(added.status, JSON.stringify(added.json)).toBe(201);
    // A pairs-only write is refused on an items queue.
    expect((await call(pairsRoute.POST, "POST", { params: { ...p, queueId }, cookie: t.owner.cookie, body: { pairs: [{ prompt: "p", responseA: "a", responseB: "b" }] } })).status).toBe(400);

    const item = (await next(t, queueId, ann!)).json.pair;
    // One response, always on the left, whatever the annotator's hash would do to a pair.
    expect(item.left).toContain("Refunds take 5 days");
    expect(item.right).toBe("");
    expect((await judge(t, queueId, ann!, { pairId: item.id, pick: "left" })).status).toBe(400);
    const rate = (scores: Record<string, unknown>) => call(ratingsRoute.POST, "POST", { params: { ...p, queueId }, cookie: ann!.cookie, body: { pairId: item.id, scores, comment: "ok", durationMs: 900 } });
    expect((await rate({ quality: 9, tone: "formal", correct: true })).json.error.message).toContain("body.scores.quality: must be a number from 1 to 5");
    expect((await rate({ quality: 4, tone: "shouty", correct: true })).json.error.message).toContain("body.scores.tone");
    expect((await rate({ quality: 4, tone: "formal" })).json.error.message).toContain("body.scores.correct: required");
    const rated = await rate({ quality: 4, tone: "formal", correct: false });
    expect(rated.status, JSON.stringify(rated.json)).toBe(201);

    const trace = await call(traceRoute.GET, "GET", { params: { ...p, traceId: traces[0]!.traceId }, cookie: t.owner.cookie });
    const scores = (trace.json.scores as Array<{ name: string; value: unknown; source: string }>).filter((s) => s.source === "annotation");
    expect(scores.map((s) => [s.name, s.value]).sort()).toEqual([["correct", false], ["quality", 4], ["tone", "formal"]]);
    const from = new Date(Date.now() - 86_400_000).toISOString();
    const to = new Date(Date.now() + 60_000).toISOString();
    const filtered = await call(tracesRoute.GET, "GET", { params: p, cookie: t.owner.cookie, query: { from, to, scoreName: "quality", scoreMin: "4" } });
    expect(filtered.json.data.map((r: { id: string }) => r.id)).toEqual([traces[0]!.traceId]);

    // Undo takes the rating and its scores back; the item comes back to rate again.
    const undone = await undo(t, queueId, ann!, rated.json.judgment.id);
    expect(undone.status).toBe(200);
    expect(undone.json.pair.id).toBe(item.id);
    const after = await call(traceRoute.GET, "GET", { params: { ...p, traceId: traces[0]!.traceId }, cookie: t.owner.cookie });
    expect(after.json.scores.filter((s: { source: string }) => s.source === "annotation")).toEqual([]);
  });
});
