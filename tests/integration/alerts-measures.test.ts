// Every alert measure (but drift, tested with the drift engine) evaluated against data ingested
// through the public API: it fires once, recovers once, holds back inside the cool-down and
// while muted, and reaches a real webhook receiver on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as ruleRoute from "@/app/api/projects/[projectId]/alerts/[ruleId]/route";
import * as eventsRoute from "@/app/api/projects/[projectId]/alerts/events/route";
import * as rulesRoute from "@/app/api/projects/[projectId]/alerts/route";
import * as ingestRoute from "@/app/api/public/ingest/route";
import { deliverAlertEvent } from "@/lib/alerts/deliver-alert";
import { evaluateAlerts } from "@/lib/alerts/evaluate-alerts";
import { db } from "@/lib/db";
import type { AlertMeasure } from "@/lib/schemas/alerts";
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

const MIN = 60_000;
const WINDOW_MINUTES = 5;

/** What one minute of traffic looks like: LLM calls and thumbs votes (true = up). */
type Traffic = { calls?: { latencyMs: number; error?: boolean; model?: string; usage?: { input: number; output: number } }[]; votes?: boolean[] };

type Case = {
  measure: Exclude<AlertMeasure, "drift">;
  threshold: number;
  bad: Traffic;
  good: Traffic;
  /** The measure over a window holding exactly these calls and votes, worked out here from what was seeded. */
  expected: (seeded: { traffic: Traffic; spanIds: string[]; projectId: string }) => Promise<number>;
  /** Relative error the measure may carry (the latency sketch's 1 %). */
  tolerance: number;
  firingText: RegExp;
};

const calls = (n: number, f: (i: number) => NonNullable<Traffic["calls"]>[number]) => Array.from({ length: n }, (_, i) => f(i));
/** percentile_disc: the smallest value with cumulative share ≥ q. */
const percentileDisc = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.max(1, Math.ceil(q * values.length)) - 1]!;

const CASES: Case[] = [
  {
    measure: "error_rate",
    threshold: 0.2,
    bad: { calls: calls(10, (i) => ({ latencyMs: 500, error: i < 5 })) },
    good: { calls: calls(10, () => ({ latencyMs: 500 })) },
    expected: async ({ traffic }) => traffic.calls!.filter((c) => c.error).length / traffic.calls!.length,
    tolerance: 0,
    firingText: /is firing — error rate 50\.0% \(threshold > 20\.0%, last 5 min\)/,
  },
  {
    measure: "latency_p95",
    threshold: 2000,
    bad: { calls: calls(20, (i) => ({ latencyMs: 1000 + 150 * i })) },
    good: { calls: calls(20, (i) => ({ latencyMs: 200 + i })) },
    expected: async ({ traffic }) => percentileDisc(traffic.calls!.map((c) => c.latencyMs), 0.95),
    tolerance: 0.01 + 1e-9,
    firingText: /is firing — p95 latency 3\d{3} ms \(threshold > 2000 ms, last 5 min\)/,
  },
  {
    measure: "cost_per_hour",
    threshold: 10,
    bad: { calls: calls(10, () => ({ latencyMs: 800, model: "gpt-4o", usage: { input: 100_000, output: 10_000 } })) },
    good: { calls: calls(2, () => ({ latencyMs: 800, model: "gpt-4o-mini", usage: { input: 100, output: 10 } })) },
    // The price of each call is what ingest stored on the span; the measure is their sum per hour of window.
    expected: async ({ spanIds, projectId }) => {
      const spans = await db.span.findMany({ where: { projectId, id: { in: spanIds } }, select: { totalCost: true } });
      expect(spans).toHaveLength(spanIds.length);
      return spans.reduce((sum, s) => sum + Number(s.totalCost), 0) / (WINDOW_MINUTES / 60);
    },
    tolerance: 1e-9,
    firingText: /is firing — cost per hour \$\d+\.\d{4}\/h \(threshold > \$10\.0000\/h, last 5 min\)/,
  },
  {
    measure: "thumbs_down_rate",
    threshold: 0.5,
    bad: { votes: [false, false, false, true] },
    good: { votes: [true, true, true] },
    expected: async ({ traffic }) => traffic.votes!.filter((up) => !up).length / traffic.votes!.length,
    tolerance: 0,
    firingText: /is firing — thumbs-down rate 75\.0% \(threshold > 50\.0%, last 5 min\)/,
  },
];

/** Ingests one minute of traffic at `at` through the batch API; returns the LLM span ids. */
async function ingest(auth: string, at: Date, traffic: Traffic): Promise<string[]> {
  const batch: unknown[] = [];
  const spanIds: string[] = [];
  for (const c of traffic.calls ?? []) {
    const id = hex(8);
    spanIds.push(id);
    batch.push({
      id: `e-${hex(6)}`,
      type: "generation",
      body: {
        id, traceId: hex(16), name: "chat", model: c.model ?? "gpt-4o-mini", provider: "openai", startTime: at.toISOString(),
        endTime: new Date(at.getTime() + c.latencyMs).toISOString(), level: c.error ? "ERROR" : "DEFAULT", ...(c.usage ? { usage: c.usage } : {}),
      },
    });
  }
  for (const up of traffic.votes ?? []) {
    const traceId = hex(16);
    batch.push({ id: `e-${hex(6)}`, type: "trace", timestamp: at.toISOString(), body: { id: traceId, name: "answer" } });
    batch.push({ id: `e-${hex(6)}`, type: "score", timestamp: at.toISOString(), body: { id: hex(8), traceId, name: "user_feedback", value: up, source: "user_feedback" } });
  }
  const res = await call(ingestRoute.POST, "POST", { authorization: auth, body: { batch } });
  expect(res.status).toBe(207);
  expect(res.json.results.filter((r: { status: number }) => r.status !== 201)).toEqual([]);
  return spanIds;
}

function expectMeasure(actual: number | null, expected: number, tolerance: number) {
  expect(actual).not.toBeNull();
  if (expected === 0 || tolerance === 0) expect(actual).toBeCloseTo(expected, 12);
  else expect(Math.abs(actual! - expected) / expected).toBeLessThanOrEqual(tolerance);
}

describe.each(CASES.map((c, i) => [c.measure, c, i] as const))("the %s alert", (measure, c, i) => {
  it("fires once, recovers once, holds back in the cool-down and while muted, and reaches the webhook", async () => {
    const t = await createOrgAndProject(`alert-${measure}`);
    const auth = `Bearer ${(await createKey(t.project)).secretKey}`;
    const p = { projectId: t.project.id };
    const created = await call(rulesRoute.POST, "POST", {
      params: p, cookie: t.owner.cookie,
      body: { name: `${measure} rule`, measure, threshold: c.threshold, windowMinutes: WINDOW_MINUTES, cooldownMinutes: 30, webhookUrl: hookUrl },
    });
    expect(created.status).toBe(201);
    const ruleId: string = created.json.id;
    // Each measure has its own hours so that no other rule's window holds this data.
    const t0 = Date.UTC(2026, 10, 22, 3 * i, 0, 0);
    const at = (minutes: number) => new Date(t0 + minutes * MIN);
    const received = () => hook.received.filter((r) => r.body.pharos.ruleId === ruleId);
    const evaluate = async (minutes: number) => (await evaluateAlerts({ now: at(minutes) })).filter((e) => e.projectId === t.project.id);
    const seed = async (minutes: number, traffic: Traffic) => {
      const spanIds = await ingest(auth, at(minutes), traffic);
      return c.expected({ traffic, spanIds, projectId: t.project.id });
    };
    const deliver = async (pending: { projectId: string; eventId: string }[]) => {
      expect(pending).toHaveLength(1);
      expect(await deliverAlertEvent(pending[0]!)).toMatchObject({ ok: true, status: 200 });
    };

    // Fires once on crossing the threshold; the next pass, still above, sends nothing more.
    const badValue = await seed(0, c.bad);
    expect(badValue).toBeGreaterThan(c.threshold);
    const fired = await evaluate(2);
    await deliver(fired);
    expect(await evaluate(3)).toEqual([]);
    expect(received().map((r) => r.body.pharos.kind)).toEqual(["firing"]);
    const firing = received()[0]!.body;
    expect(firing.text).toMatch(c.firingText);
    expect(firing.pharos).toMatchObject({ measure, eventId: fired[0]!.eventId });
    expectMeasure(firing.pharos.value, badValue, c.tolerance);

    // Recovers once when a later window is below the threshold.
    const goodValue = await seed(10, c.good);
    expect(goodValue).toBeLessThan(c.threshold);
    await deliver(await evaluate(12));
    expect(await evaluate(13)).toEqual([]);
    expect(received().map((r) => r.body.pharos.kind)).toEqual(["firing", "resolved"]);
    expectMeasure(received()[1]!.body.pharos.value, goodValue, c.tolerance);

    // Firing again 10 minutes after the last notification is inside the 30-minute cool-down:
    // recorded, not sent. The recovery after it is sent.
    await seed(20, c.bad);
    expect(await evaluate(22)).toEqual([]);
    await seed(30, c.good);
    await deliver(await evaluate(32));
    expect(received().map((r) => r.body.pharos.kind)).toEqual(["firing", "resolved", "resolved"]);

    // Muted (past the cool-down): the firing and the recovery are recorded, neither is sent.
    const mute = await call(ruleRoute.PATCH, "PATCH", { params: { ...p, ruleId }, cookie: t.owner.cookie, body: { mutedUntil: at(90).toISOString() } });
    expect(mute.status).toBe(200);
    await seed(70, c.bad);
    expect(await evaluate(72)).toEqual([]);
    await seed(80, c.good);
    expect(await evaluate(82)).toEqual([]);
    expect(received()).toHaveLength(3);

    // Unmuted, the next firing is sent again.
    const unmute = await call(ruleRoute.PATCH, "PATCH", { params: { ...p, ruleId }, cookie: t.owner.cookie, body: { mutedUntil: null } });
    expect(unmute.status).toBe(200);
    await seed(120, c.bad);
    await deliver(await evaluate(122));
    expect(received().map((r) => r.body.pharos.kind)).toEqual(["firing", "resolved", "resolved", "firing"]);

    // The events list shows the whole history, newest first, with what happened to each delivery.
    const events = await call(eventsRoute.GET, "GET", { params: p, cookie: t.owner.cookie });
    expect(events.status).toBe(200);
    const history = [
      ["firing", "delivered", at(2)], ["resolved", "delivered", at(12)], ["firing", "cooldown", at(22)], ["resolved", "delivered", at(32)],
      ["firing", "muted", at(72)], ["resolved", "muted", at(82)], ["firing", "delivered", at(122)],
    ].reverse();
    expect(events.json.events.map((e: { kind: string; deliveryStatus: string; createdAt: string }) => [e.kind, e.deliveryStatus, new Date(e.createdAt)])).toEqual(history);
    for (const e of events.json.events) {
      expect(e.ruleId).toBe(ruleId);
      expect(e.threshold).toBe(c.threshold);
      expectMeasure(e.value, e.kind === "firing" ? badValue : goodValue, c.tolerance);
    }
    const rule = await db.alertRule.findUniqueOrThrow({ where: { projectId_id: { projectId: t.project.id, id: ruleId } } });
    // Not lastEvaluatedAt: other test files evaluate every rule at their own clocks, in parallel.
    expect(rule).toMatchObject({ state: "firing", lastNotifiedAt: at(122) });
  }, 60_000);
});

describe("alert rules and events over the API", () => {
  it("lists events newest first up to a limit, deletes a rule, and answers 404 to another project's users", async () => {
    const t = await createOrgAndProject("alert-api");
    const other = await createOrgAndProject("alert-api-other");
    const viewer = await addMember(t, "viewer");
    const pm = await addMember(t, "pm");
    const auth = `Bearer ${(await createKey(t.project)).secretKey}`;
    const p = { projectId: t.project.id };
    const body = { name: "Errors", measure: "error_rate", threshold: 0.2, windowMinutes: WINDOW_MINUTES, cooldownMinutes: 0, webhookUrl: hookUrl };
    const ruleId: string = (await call(rulesRoute.POST, "POST", { params: p, cookie: t.owner.cookie, body })).json.id;
    const t0 = Date.UTC(2026, 10, 23, 1, 0, 0);
    const at = (minutes: number) => new Date(t0 + minutes * MIN);
    for (const [minute, errors] of [[0, 5], [10, 0], [20, 5]] as const) {
      await ingest(auth, at(minute), { calls: calls(10, (i) => ({ latencyMs: 300, error: i < errors })) });
      await evaluateAlerts({ now: at(minute + 2) });
    }

    const listed = await call(eventsRoute.GET, "GET", { params: p, cookie: viewer.cookie, query: { limit: "2" } });
    expect(listed.status).toBe(200);
    expect(listed.json.events.map((e: { kind: string; createdAt: string }) => [e.kind, new Date(e.createdAt)])).toEqual([["firing", at(22)], ["resolved", at(12)]]);
    expect((await call(eventsRoute.GET, "GET", { params: p, cookie: viewer.cookie })).json.events).toHaveLength(3);
    const badLimit = await call(eventsRoute.GET, "GET", { params: p, cookie: viewer.cookie, query: { limit: "0" } });
    expect(badLimit.status).toBe(400);
    expect(badLimit.json.error.message).toMatch(/query\.limit/);

    // Another project's owner sees neither the events nor the rule, and cannot delete it.
    const foreignList = await call(eventsRoute.GET, "GET", { params: p, cookie: other.owner.cookie });
    expect(foreignList.status).toBe(404);
    expect(JSON.stringify(foreignList.json)).not.toContain(ruleId);
    expect((await call(ruleRoute.DELETE, "DELETE", { params: { ...p, ruleId }, cookie: other.owner.cookie })).status).toBe(404);
    expect((await call(ruleRoute.DELETE, "DELETE", { params: { projectId: other.project.id, ruleId }, cookie: other.owner.cookie })).status).toBe(404);
    expect((await call(ruleRoute.DELETE, "DELETE", { params: { ...p, ruleId }, cookie: viewer.cookie })).status).toBe(403);
    expect(await db.alertRule.count({ where: { projectId: t.project.id, id: ruleId } })).toBe(1);

    const deleted = await call(ruleRoute.DELETE, "DELETE", { params: { ...p, ruleId }, cookie: pm.cookie });
    expect(deleted).toMatchObject({ status: 200, json: { ok: true } });
    expect((await call(rulesRoute.GET, "GET", { params: p, cookie: viewer.cookie })).json.rules).toEqual([]);
    expect(await db.auditLog.count({ where: { projectId: t.project.id, action: "alert_rule.delete", resourceId: ruleId, actorUserId: pm.user.id } })).toBe(1);
    const again = await call(ruleRoute.DELETE, "DELETE", { params: { ...p, ruleId }, cookie: pm.cookie });
    expect(again.status).toBe(404);
    expect(again.json.error.code).toBe("NOT_FOUND");

    // A deleted rule is no longer evaluated: recovery data yields no new event.
    await ingest(auth, at(30), { calls: calls(10, () => ({ latencyMs: 300 })) });
    expect((await evaluateAlerts({ now: at(32) })).filter((e) => e.projectId === t.project.id)).toEqual([]);
    expect(await db.alertEvent.count({ where: { projectId: t.project.id } })).toBe(3);
  });
});
