import { describe, expect, it } from "vitest";
import * as endRoute from "@/app/api/projects/[projectId]/prompts/[promptId]/canaries/[canaryId]/end/route";
import * as promoteRoute from "@/app/api/projects/[projectId]/prompts/[promptId]/canaries/[canaryId]/promote/route";
import * as canaryRoute from "@/app/api/projects/[projectId]/prompts/[promptId]/canaries/[canaryId]/route";
import * as canariesRoute from "@/app/api/projects/[projectId]/prompts/[promptId]/canaries/route";
import * as metricsRoute from "@/app/api/projects/[projectId]/prompts/[promptId]/metrics/route";
import { db } from "@/lib/db";
import { bucketIndex } from "@/lib/metrics/latency-sketch";
import { checkCanaryGuards } from "@/lib/prompts/check-canary-guards";
import { addMember, createOrgAndProject, type Member } from "../factories";
import { merge, promptWithVersions, propose, review, type Tenant } from "../support/prompts";
import { call } from "../support/route";

/** One metric_minutes row: `count` calls of a prompt version in the current minute, `errors` of them failed, all at `latencyMs`. */
async function seedMinute(t: Tenant, o: { name: string; version: number; count: number; errors: number; latencyMs: number; up?: number; down?: number; model?: string }) {
  await db.$executeRaw`
    insert into metric_minutes (project_id, minute, model, environment, prompt_name, prompt_version, count, errors, latency_sum_ms, cost_sum, thumbs_up, thumbs_down, latency_buckets, latency_counts, updated_at)
    values (${t.project.id}, date_trunc('minute', now()), ${o.model ?? "gpt-4o-mini"}, 'production', ${o.name}, ${o.version}, ${o.count}, ${o.errors}, ${o.count * o.latencyMs},
            ${o.count * 0.001}, ${o.up ?? 0}, ${o.down ?? 0}, ${[bucketIndex(o.latencyMs)]}::int[], ${[o.count]}::int[], now())`;
}

/** production → v1 through the flow, then a canary of v2 on it. */
async function productionWithCanary(t: Tenant, admin: Member, name: string, guard?: Record<string, unknown>) {
  const id = await promptWithVersions(t, t.owner, name, 2);
  const cr = (await propose(t, t.owner, id, "production", 1)).json.changeRequest.id;
  await review(t, admin, id, cr, "approve");
  expect((await merge(t, t.owner, id, cr)).status).toBe(200);
  const started = await call(canariesRoute.POST, "POST", { params: { projectId: t.project.id, promptId: id }, cookie: t.owner.cookie, body: { label: "production", version: 2, percent: 10, ...(guard ? { guard } : {}) } });
  expect(started.status).toBe(201);
  return { id, canaryId: started.json.id as string };
}

describe("canaries", () => {
  it("start: one per label, 0 < percent ≤ 50, and on a protected label only the policy's approvers may start one", async () => {
    const t = await createOrgAndProject("canary-start");
    const admin = await addMember(t, "admin");
    const engineer = await addMember(t, "engineer");
    const { id, canaryId } = await productionWithCanary(t, admin, "start");
    const start = (who: Member, body: Record<string, unknown>) => call(canariesRoute.POST, "POST", { params: { projectId: t.project.id, promptId: id }, cookie: who.cookie, body });
    const second = await start(admin, { label: "production", version: 2, percent: 5 });
    expect(second.status).toBe(409);
    expect(second.json.error.message).toContain(canaryId);
    expect((await start(t.owner, { label: "production", version: 2, percent: 60 })).json.error.message).toContain("body.percent");
    expect((await start(t.owner, { label: "production", version: 2, percent: 0 })).json.error.message).toContain("body.percent");
    expect((await start(t.owner, { label: "production", version: 2, percent: 5, guard: { errorRatePValue: 2 } })).json.error.message).toContain("body.guard.errorRatePValue");
    expect((await call(endRoute.POST, "POST", { params: { projectId: t.project.id, promptId: id, canaryId }, cookie: engineer.cookie, body: {} })).status).toBe(200);
    const refused = await start(engineer, { label: "production", version: 2, percent: 5 });
    expect(refused.status).toBe(403);
    expect(refused.json.error.message).toMatch(/your role is engineer/);
    const again = await call(endRoute.POST, "POST", { params: { projectId: t.project.id, promptId: id, canaryId }, cookie: t.owner.cookie, body: {} });
    expect(again.status).toBe(409);
    expect(await db.auditLog.count({ where: { projectId: t.project.id, action: "prompt.canary.end" } })).toBe(1);
  });

  it("the canary page compares canary and main since the start, with two-proportion p-values; per-version metrics link to the explorer", async () => {
    const t = await createOrgAndProject("canary-page");
    const admin = await addMember(t, "admin");
    const { id, canaryId } = await productionWithCanary(t, admin, "page");
    await seedMinute(t, { name: "page", version: 1, count: 1000, errors: 10, latencyMs: 800, up: 90, down: 10 });
    await seedMinute(t, { name: "page", version: 2, count: 300, errors: 30, latencyMs: 1200, up: 20, down: 20 });
    await seedMinute(t, { name: "page", version: 2, count: 100, errors: 0, latencyMs: 1200, model: "gpt-4o" });
    const page = await call(canaryRoute.GET, "GET", { params: { projectId: t.project.id, promptId: id, canaryId }, cookie: t.owner.cookie });
    expect(page.status).toBe(200);
    expect(page.json.main).toMatchObject({ version: 1, calls: 1000, errorRate: 0.01, thumbsUpRate: 0.9 });
    expect(page.json.canaryVersion).toMatchObject({ version: 2, calls: 400, errorRate: 0.075, thumbsUpRate: 0.5 });
    expect(page.json.canaryVersion.latencyP95).toBeCloseTo(1200, -1);
    expect(page.json.canaryVersion.costPerCall).toBeCloseTo(0.001, 6);
    expect(page.json.differences.errorRate.pValue).toBeLessThan(1e-6);
    expect(page.json.differences.thumbsUpRate.difference).toBeCloseTo(-0.4, 6);

    const metrics = await call(metricsRoute.GET, "GET", { params: { projectId: t.project.id, promptId: id }, cookie: t.owner.cookie });
    expect(metrics.json.versions.map((v: { version: number; calls: number }) => [v.version, v.calls])).toEqual([[2, 400], [1, 1000]]);
    expect(metrics.json.versions[1]).toMatchObject({ errorRate: 0.01, thumbsUpRate: 0.9, explorerUrl: `/project/${t.project.id}/traces?promptName=page&promptVersion=1` });
  });

  it("the guard ends a canary whose error rate is worse (once, even with two workers) and leaves alone one that is not", async () => {
    const t = await createOrgAndProject("canary-guard");
    const admin = await addMember(t, "admin");
    const guard = { errorRatePValue: 0.01, minCalls: 200 };
    const bad = await productionWithCanary(t, admin, "bad", guard);
    const fine = await productionWithCanary(t, admin, "fine", guard);
    const few = await productionWithCanary(t, admin, "few", guard);
    await seedMinute(t, { name: "bad", version: 1, count: 1000, errors: 10, latencyMs: 800 });
    await seedMinute(t, { name: "bad", version: 2, count: 300, errors: 30, latencyMs: 800 });
    await seedMinute(t, { name: "fine", version: 1, count: 1000, errors: 10, latencyMs: 800 });
    await seedMinute(t, { name: "fine", version: 2, count: 300, errors: 4, latencyMs: 800 });
    // Worse, but under the minimum number of calls: not judged yet.
    await seedMinute(t, { name: "few", version: 1, count: 1000, errors: 10, latencyMs: 800 });
    await seedMinute(t, { name: "few", version: 2, count: 150, errors: 30, latencyMs: 800 });

    const [a, b] = await Promise.all([checkCanaryGuards({ projectId: t.project.id }), checkCanaryGuards({ projectId: t.project.id })]);
    expect([...a, ...b].map((e) => e.canaryId)).toEqual([bad.canaryId]);
    const ended = await db.promptCanary.findUniqueOrThrow({ where: { projectId_id: { projectId: t.project.id, id: bad.canaryId } } });
    expect(ended.status).toBe("guard_ended");
    expect(ended.endedReason).toMatch(/^guard: error rate 10.00% vs main 1.00% over 300 calls/);
    const guardAudit = await db.auditLog.findMany({ where: { projectId: t.project.id, action: "prompt.canary.guard_end" } });
    expect(guardAudit).toHaveLength(1);
    expect(guardAudit[0]!.actorUserId).toBeNull();
    expect((await db.promptLabel.findFirstOrThrow({ where: { projectId: t.project.id, promptId: bad.id } })).canaryId).toBeNull();
    for (const c of [fine, few]) {
      const row = await db.promptCanary.findUniqueOrThrow({ where: { projectId_id: { projectId: t.project.id, id: c.canaryId } } });
      expect(row.status).toBe("active");
      expect(row.lastCheckedAt).not.toBeNull();
    }
    expect(await db.promptReleaseEvent.count({ where: { projectId: t.project.id, kind: "canary_guard_ended" } })).toBe(1);
  });

  it("promotion moves the label under the same policy: it waits for an approval, and the merge marks the canary promoted", async () => {
    const t = await createOrgAndProject("canary-promote");
    const admin = await addMember(t, "admin");
    const { id, canaryId } = await productionWithCanary(t, admin, "promote");
    const promote = await call(promoteRoute.POST, "POST", { params: { projectId: t.project.id, promptId: id, canaryId }, cookie: t.owner.cookie });
    expect(promote.status).toBe(202);
    expect(promote.json).toMatchObject({ promoted: false, changeRequest: { label: "production", version: 2, status: "open" } });
    expect((await db.promptLabel.findFirstOrThrow({ where: { projectId: t.project.id, promptId: id } })).version).toBe(1);
    await review(t, admin, id, promote.json.changeRequest.id, "approve");
    const merged = await merge(t, t.owner, id, promote.json.changeRequest.id);
    expect(merged.json.move).toMatchObject({ kind: "canary_promote", toVersion: 2, endedCanaryId: canaryId });
    const canary = await db.promptCanary.findUniqueOrThrow({ where: { projectId_id: { projectId: t.project.id, id: canaryId } } });
    expect(canary.status).toBe("promoted");
    expect(await db.promptLabel.findFirstOrThrow({ where: { projectId: t.project.id, promptId: id } })).toMatchObject({ version: 2, canaryId: null });
  });
});
