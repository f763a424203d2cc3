import { inject } from "vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as ruleRoute from "@/app/api/projects/[projectId]/alerts/[ruleId]/route";
import * as testRoute from "@/app/api/projects/[projectId]/alerts/[ruleId]/test/route";
import * as rulesRoute from "@/app/api/projects/[projectId]/alerts/route";
import * as ingestRoute from "@/app/api/public/ingest/route";
import { evaluateAlerts } from "@/lib/alerts/evaluate-alerts";
import { db } from "@/lib/db";
import { registerAlertJobs } from "@/lib/jobs/alert-jobs";
import { DELIVERY_OPTIONS, QUEUES, startBoss } from "@/lib/jobs/boss";
import { addMember, createKey, createOrgAndProject } from "../factories";
import { hex } from "../support/ingest";
import { call } from "../support/route";
import { webhookServer } from "../support/webhook-server";

const hook = webhookServer();
let hookUrl: string;
beforeAll(async () => {
  hookUrl = await hook.start();
});
afterAll(() => hook.close());

async function ingestAt(auth: string, at: Date, count: number, errors: number) {
  const batch = Array.from({ length: count }, (_, i) => ({
    id: `e-${hex(6)}`,
    type: "generation",
    body: { id: hex(8), traceId: hex(16), name: "chat", model: "gpt-4o-mini", startTime: at.toISOString(), endTime: new Date(at.getTime() + 500).toISOString(), level: i < errors ? "ERROR" : "DEFAULT" },
  }));
  expect((await call(ingestRoute.POST, "POST", { authorization: auth, body: { batch } })).status).toBe(207);
}

describe("alerts", () => {
  it("fire once when the threshold is crossed, recover once, and reach the webhook", async () => {
    const t = await createOrgAndProject("alerts");
    const key = await createKey(t.project);
    const auth = `Bearer ${key.secretKey}`;
    const pm = await addMember(t, "pm");
    const viewer = await addMember(t, "viewer");
    const body = { name: "Error spike", measure: "error_rate", threshold: 0.2, windowMinutes: 5, cooldownMinutes: 30, webhookUrl: hookUrl };
    expect((await call(rulesRoute.POST, "POST", { params: { projectId: t.project.id }, cookie: viewer.cookie, body })).status).toBe(403);
    const created = await call(rulesRoute.POST, "POST", { params: { projectId: t.project.id }, cookie: pm.cookie, body });
    expect(created.status).toBe(201);
    const ruleId = created.json.id;
    // The webhook URL is a bearer secret: a viewer sees where it goes, not the URL; a PM (alerts:manage) sees it whole.
    const asViewer = await call(rulesRoute.GET, "GET", { params: { projectId: t.project.id }, cookie: viewer.cookie });
    const hookOrigin = new URL(hookUrl).origin;
    expect(asViewer.json.rules.map((r: { webhookUrl: string; webhookMasked: boolean }) => [r.webhookUrl, r.webhookMasked])).toEqual([[`${hookOrigin}/…`, true]]);
    expect(JSON.stringify(asViewer.json)).not.toContain(hookUrl);
    const asPm = await call(rulesRoute.GET, "GET", { params: { projectId: t.project.id }, cookie: pm.cookie });
    expect(asPm.json.rules.map((r: { webhookUrl: string }) => r.webhookUrl)).toEqual([hookUrl]);

    const t0 = new Date(Date.UTC(2026, 10, 21, 9, 0, 0));
    await ingestAt(auth, t0, 10, 5);
    const fired = await evaluateAlerts({ now: new Date(t0.getTime() + 2 * 60_000) });
    const mine = fired.filter((e) => e.projectId === t.project.id);
    expect(mine).toHaveLength(1);
    expect(await evaluateAlerts({ now: new Date(t0.getTime() + 3 * 60_000) }).then((e) => e.filter((x) => x.projectId === t.project.id))).toEqual([]);

    await ingestAt(auth, new Date(t0.getTime() + 10 * 60_000), 10, 0);
    const recovered = (await evaluateAlerts({ now: new Date(t0.getTime() + 12 * 60_000) })).filter((e) => e.projectId === t.project.id);
    expect(recovered).toHaveLength(1);
    await evaluateAlerts({ now: new Date(t0.getTime() + 13 * 60_000) });
    const events = await db.alertEvent.findMany({ where: { projectId: t.project.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => [e.kind, e.value])).toEqual([["firing", 0.5], ["resolved", 0]]);

    // Deliver through the job queue, as the worker does; the receiver fails twice first.
    const boss = await startBoss(inject("databaseUrl"));
    try {
      await registerAlertJobs(boss, { schedule: false });
      hook.failNextRequests(2);
      const before = hook.received.length;
      await boss.send(QUEUES.deliverAlert, mine[0]!, { ...DELIVERY_OPTIONS, retryDelay: 1 });
      await expect.poll(async () => (await db.alertEvent.findUniqueOrThrow({ where: { projectId_id: { projectId: t.project.id, id: mine[0]!.eventId } } })).deliveryStatus, { timeout: 30_000, interval: 250 }).toBe("delivered");
      const attempts = hook.received.slice(before);
      expect(attempts).toHaveLength(3);
      expect(attempts[2]!.body.pharos).toMatchObject({ kind: "firing", ruleId });
      expect(attempts[2]!.body.text).toMatch(/Error spike is firing — error rate 50\.0%/);
      const event = await db.alertEvent.findUniqueOrThrow({ where: { projectId_id: { projectId: t.project.id, id: mine[0]!.eventId } } });
      expect(event.deliveryAttempts).toBe(3);
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  }, 60_000);

  it("records but does not send while muted, and sends a test on demand", async () => {
    const t = await createOrgAndProject("mute");
    const key = await createKey(t.project);
    const p = { projectId: t.project.id };
    const created = await call(rulesRoute.POST, "POST", { params: p, cookie: t.owner.cookie, body: { name: "Slow", measure: "latency_p95", threshold: 100, webhookUrl: hookUrl } });
    const ruleId = created.json.id;
    const muted = await call(ruleRoute.PATCH, "PATCH", { params: { ...p, ruleId }, cookie: t.owner.cookie, body: { mutedUntil: new Date(Date.UTC(2030, 0, 1)).toISOString() } });
    expect(muted.status).toBe(200);
    const t0 = new Date(Date.UTC(2026, 10, 21, 10, 0, 0));
    await ingestAt(`Bearer ${key.secretKey}`, t0, 4, 0);
    const pending = (await evaluateAlerts({ now: new Date(t0.getTime() + 60_000) })).filter((e) => e.projectId === t.project.id);
    expect(pending).toEqual([]);
    const [event] = await db.alertEvent.findMany({ where: { projectId: t.project.id } });
    expect(event).toMatchObject({ kind: "firing", deliveryStatus: "muted" });

    const before = hook.received.length;
    const test = await call(testRoute.POST, "POST", { params: { ...p, ruleId }, cookie: t.owner.cookie });
    expect(test.json).toMatchObject({ delivered: true, status: 200 });
    expect(hook.received.slice(before).map((r) => r.body.pharos.kind)).toEqual(["test"]);

    const other = await createOrgAndProject("mute-other");
    expect((await call(ruleRoute.PATCH, "PATCH", { params: { projectId: other.project.id, ruleId }, cookie: other.owner.cookie, body: { threshold: 1 } })).status).toBe(404);
    const bad = await call(rulesRoute.POST, "POST", { params: p, cookie: t.owner.cookie, body: { name: "x", measure: "vibes", threshold: 1, webhookUrl: "ftp://x" } });
    expect(bad.status).toBe(400);
  });
});
