import { readFile } from "node:fs/promises";
import pg from "pg";
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
import { maskWebhookUrl } from "@/lib/security/webhook-url";
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
    // The webhook URL is a bearer secret, write-only once saved: every role, the PM who saved it included, sees where it goes.
    const hookOrigin = new URL(hookUrl).origin;
    expect(created.json.webhookUrl).toBe(`${hookOrigin}/…`);
    for (const who of [viewer, pm, t.owner]) {
      const listed = await call(rulesRoute.GET, "GET", { params: { projectId: t.project.id }, cookie: who.cookie });
      expect(listed.json.rules.map((r: { webhookUrl: string }) => r.webhookUrl)).toEqual([`${hookOrigin}/…`]);
      expect(JSON.stringify(listed.json)).not.toContain(hookUrl);
    }

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

  it("keeps webhook URLs write-only: a masked value sent back or omitted keeps the stored URL, a new one replaces it, each edit audited without it", async () => {
    const t = await createOrgAndProject("alert-webhook-edit");
    const pm = await addMember(t, "pm");
    const p = { projectId: t.project.id };
    // A Slack-shaped URL long enough for a hint; the receiver ignores the path.
    const secretUrl = `${hookUrl}/T0001/B0001/abcdefghijklmnopqrstuvwx1a2b`;
    const masked = `${new URL(hookUrl).origin}/…/••••1a2b`;
    const created = await call(rulesRoute.POST, "POST", { params: p, cookie: pm.cookie, body: { name: "Errors", measure: "error_rate", threshold: 0.2, webhookUrl: secretUrl } });
    expect(created.status).toBe(201);
    expect(created.json.webhookUrl).toBe(masked);
    const ruleId: string = created.json.id;
    const stored = async () => (await db.alertRule.findUniqueOrThrow({ where: { projectId_id: { projectId: t.project.id, id: ruleId } } })).webhookUrl;
    const patch = (body: Record<string, unknown>) => call(ruleRoute.PATCH, "PATCH", { params: { ...p, ruleId }, cookie: pm.cookie, body });

    // An edit form sends the masked value back with its other fields: the URL stays, the rest changes.
    const sentBack = await patch({ name: "Errors (edited)", threshold: 0.3, webhookUrl: masked });
    expect(sentBack.status).toBe(200);
    expect(sentBack.json).toMatchObject({ name: "Errors (edited)", threshold: 0.3, webhookUrl: masked });
    expect(await stored()).toBe(secretUrl);
    expect((await patch({ cooldownMinutes: 10 })).status).toBe(200);
    expect(await stored()).toBe(secretUrl);
    // "Send test" still reaches the stored URL.
    const before = hook.received.length;
    expect((await call(testRoute.POST, "POST", { params: { ...p, ruleId }, cookie: pm.cookie })).json).toMatchObject({ delivered: true, status: 200 });
    expect(hook.received.slice(before).map((r) => r.body.pharos.kind)).toEqual(["test"]);

    // Another masked value is nobody's URL: refused, nothing changes.
    const wrongMask = await patch({ webhookUrl: `${new URL(hookUrl).origin}/…/••••ffff` });
    expect(wrongMask.status).toBe(400);
    expect(wrongMask.json.error.message).toMatch(/^body\.webhookUrl: this is a masked webhook URL/);
    expect((await call(rulesRoute.POST, "POST", { params: p, cookie: pm.cookie, body: { name: "Copy", measure: "error_rate", threshold: 0.2, webhookUrl: masked } })).status).toBe(400);
    expect(await stored()).toBe(secretUrl);

    // A new URL replaces it.
    const replacement = `${hookUrl}/T0002/B0002/zyxwvutsrqponmlkjihgfedc9f8e`;
    const replaced = await patch({ webhookUrl: replacement });
    expect(replaced.json.webhookUrl).toBe(`${new URL(hookUrl).origin}/…/••••9f8e`);
    expect(await stored()).toBe(replacement);

    // Every edit wrote an alert_rule.update row with the rule before and after; no row holds either URL.
    const audits = await db.auditLog.findMany({ where: { projectId: t.project.id, resourceId: ruleId }, orderBy: { createdAt: "asc" } });
    const updates = audits.filter((a) => a.action === "alert_rule.update");
    expect(audits.map((a) => a.action)).toEqual(["alert_rule.create", "alert_rule.update", "alert_rule.update", "alert_rule.update"]);
    expect(updates.every((a) => a.actorUserId === pm.user.id)).toBe(true);
    expect(updates[0]!.before).toMatchObject({ name: "Errors", threshold: 0.2, webhookUrl: masked });
    expect(updates[0]!.after).toMatchObject({ name: "Errors (edited)", threshold: 0.3, webhookUrl: masked, webhookReplaced: false });
    expect(updates[2]!.after).toMatchObject({ webhookUrl: `${new URL(hookUrl).origin}/…/••••9f8e`, webhookReplaced: true });
    for (const row of audits) {
      const text = JSON.stringify([row.before, row.after]);
      expect(text).not.toContain("abcdefghijklmnopqrstuvwx");
      expect(text).not.toContain("zyxwvutsrqponmlkjihgfedc");
    }
  });

  it("masks the webhook URLs that audit rows recorded before URLs were write-only (migration 20261213090000), as the API masks them", async () => {
    const t = await createOrgAndProject("alert-audit-legacy");
    const urls = ["https://hooks.slack.com/services/T0001/B0001/abcdefghijklmnopqrstuvwx1a2b", "http://127.0.0.1:9/hook", "https://bot:hunter22@Hooks.Example.com/x?token=abcdefghijklmnop9876"];
    const row = (action: string, before: object | undefined, after: object) =>
      db.auditLog.create({ data: { orgId: t.project.orgId, projectId: t.project.id, action, resourceType: "alert_rule", resourceId: "r1", before, after } });
    const rows = [
      await row("alert_rule.create", undefined, { name: "Errors", webhookUrl: urls[0] }),
      await row("alert_rule.update", undefined, { threshold: 0.3 }),
      await row("alert_rule.update", undefined, { webhookUrl: urls[2] }),
      await row("project.release_webhook.update", { url: null }, { url: urls[1] }),
      await row("project.release_webhook.update", { url: urls[1] }, { url: urls[0] }),
    ];
    const migration = await readFile("prisma/migrations/20261213090000_mask_audited_webhook_urls/migration.sql", "utf8");
    const client = new pg.Client({ connectionString: inject("databaseUrl") });
    await client.connect();
    try {
      await client.query(migration);
      // Run twice (a re-applied script, or rows masked since): masked values stay as they are.
      await client.query(migration);
    } finally {
      await client.end();
    }
    const after = await db.auditLog.findMany({ where: { projectId: t.project.id }, orderBy: { createdAt: "asc" } });
    expect(after.map((a) => [a.id, a.before, a.after])).toEqual([
      [rows[0]!.id, null, { name: "Errors", webhookUrl: maskWebhookUrl(urls[0]!) }],
      [rows[1]!.id, null, { threshold: 0.3 }],
      [rows[2]!.id, null, { webhookUrl: maskWebhookUrl(urls[2]!) }],
      [rows[3]!.id, { url: null }, { url: maskWebhookUrl(urls[1]!) }],
      [rows[4]!.id, { url: maskWebhookUrl(urls[1]!) }, { url: maskWebhookUrl(urls[0]!) }],
    ]);
    expect(JSON.stringify(after)).not.toMatch(/abcdefghijkl|hunter22/);
  });

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
