// Who may open what: annotators only their queues, viewers cannot judge, other tenants get 404.
import { describe, expect, it } from "vitest";
import * as queuesRoute from "@/app/api/projects/[projectId]/annotation-queues/route";
import * as queueRoute from "@/app/api/projects/[projectId]/annotation-queues/[queueId]/route";
import * as statsRoute from "@/app/api/projects/[projectId]/annotation-queues/[queueId]/stats/route";
import * as exportRoute from "@/app/api/projects/[projectId]/annotation-queues/[queueId]/export/route";
import * as traceRoute from "@/app/api/projects/[projectId]/traces/[traceId]/route";
import * as tracesRoute from "@/app/api/projects/[projectId]/traces/route";
import * as metricsRoute from "@/app/api/projects/[projectId]/metrics/route";
import * as datasetsRoute from "@/app/api/projects/[projectId]/datasets/route";
import * as ingestRoute from "@/app/api/public/ingest/route";
import { addMember } from "../factories";
import { annotationTenant, annotators, judge, next, queueWithPairs } from "../support/annotation";
import { sampleTraceEvents } from "../support/ingest";
import { call } from "../support/route";

describe("annotation roles", () => {
  it("an annotator sees only their queues and nothing else of the project", async () => {
    const t = await annotationTenant("annot-roles");
    const [ann, other] = await annotators(t, 2);
    const mine = await queueWithPairs(t, { name: "mine", pairs: 2, members: [ann!] });
    const theirs = await queueWithPairs(t, { name: "theirs", pairs: 2, members: [other!] });
    const p = { projectId: t.project.id };
    const list = await call(queuesRoute.GET, "GET", { params: p, cookie: ann!.cookie });
    expect(list.json.queues.map((q: { name: string }) => q.name)).toEqual(["mine"]);
    expect(list.json.queues[0].annotatorIds).toBeUndefined();
    expect((await call(queueRoute.GET, "GET", { params: { ...p, queueId: mine.queueId }, cookie: ann!.cookie })).status).toBe(200);
    expect((await call(queueRoute.GET, "GET", { params: { ...p, queueId: theirs.queueId }, cookie: ann!.cookie })).status).toBe(404);
    expect((await next(t, theirs.queueId, ann!)).status).toBe(404);
    expect((await next(t, mine.queueId, ann!)).status).toBe(200);
    // Leads' pages and every other section: refused.
    expect((await call(statsRoute.GET, "GET", { params: { ...p, queueId: mine.queueId }, cookie: ann!.cookie })).status).toBe(403);
    expect((await call(exportRoute.GET, "GET", { params: { ...p, queueId: mine.queueId }, cookie: ann!.cookie, query: { format: "dpo" } })).status).toBe(403);
    expect((await call(queuesRoute.POST, "POST", { params: p, cookie: ann!.cookie, body: { name: "sneaky" } })).status).toBe(403);
    const sample = sampleTraceEvents();
    expect((await call(ingestRoute.POST, "POST", { authorization: t.auth, body: { batch: sample.events } })).status).toBe(207);
    expect((await call(traceRoute.GET, "GET", { params: { ...p, traceId: sample.traceId }, cookie: ann!.cookie })).status).toBe(403);
    expect((await call(tracesRoute.GET, "GET", { params: p, cookie: ann!.cookie })).status).toBe(403);
    expect((await call(metricsRoute.GET, "GET", { params: p, cookie: ann!.cookie })).status).toBe(403);
    expect((await call(datasetsRoute.GET, "GET", { params: p, cookie: ann!.cookie })).status).toBe(403);
  });

  it("a viewer cannot judge even when assigned; a lead sees every queue; another project's user gets 404", async () => {
    const t = await annotationTenant("annot-viewer");
    const viewer = await addMember(t, "viewer");
    const engineer = await addMember(t, "engineer");
    const { queueId } = await queueWithPairs(t, { pairs: 1, members: [viewer] });
    const claim = await next(t, queueId, viewer);
    expect(claim.status).toBe(403);
    expect((await judge(t, queueId, viewer, { pairId: "x", pick: "left" })).status).toBe(403);
    // A lead not assigned: sees the queue and its stats, but is told to assign themself before judging.
    expect((await call(queuesRoute.GET, "GET", { params: { projectId: t.project.id }, cookie: engineer.cookie })).json.queues).toHaveLength(1);
    expect((await call(statsRoute.GET, "GET", { params: { projectId: t.project.id, queueId }, cookie: engineer.cookie })).status).toBe(200);
    expect((await next(t, queueId, engineer)).status).toBe(403);
    const stranger = await annotationTenant("annot-stranger");
    for (const params of [{ projectId: t.project.id, queueId }, { projectId: stranger.project.id, queueId }]) {
      expect((await call(queueRoute.GET, "GET", { params, cookie: stranger.owner.cookie })).status).toBe(404);
      expect((await call(statsRoute.GET, "GET", { params, cookie: stranger.owner.cookie })).status).toBe(404);
    }
  });
});
