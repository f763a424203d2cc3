// Alert evaluation is exactly-once per transition even when evaluations overlap: pg-boss's cron
// sends one evaluate-alerts job per minute across all workers, but a pass that overruns its
// minute, a job retried after expiry or a second worker can run two passes at once. Delivery
// jobs are fetched by one worker each (pg-boss claims with FOR UPDATE SKIP LOCKED).
import { inject } from "vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type PgBoss from "pg-boss";
import * as ingestRoute from "@/app/api/public/ingest/route";
import { evaluateAlerts } from "@/lib/alerts/evaluate-alerts";
import { db } from "@/lib/db";
import { registerAlertJobs } from "@/lib/jobs/alert-jobs";
import { QUEUES, startBoss } from "@/lib/jobs/boss";
import { createKey, createOrgAndProject } from "../factories";
import { hex } from "../support/ingest";
import { call } from "../support/route";
import { webhookServer } from "../support/webhook-server";

const hook = webhookServer();
let hookUrl: string;
beforeAll(async () => {
  hookUrl = await hook.start();
});
afterAll(() => hook.close());

async function errorSpike(name: string, at: Date) {
  const t = await createOrgAndProject(name);
  const key = await createKey(t.project);
  const rule = await db.alertRule.create({
    data: { projectId: t.project.id, name: "Error spike", measure: "error_rate", threshold: 0.2, windowMinutes: 5, cooldownMinutes: 30, webhookUrl: hookUrl },
  });
  const batch = Array.from({ length: 10 }, (_, i) => ({
    id: `e-${hex(6)}`,
    type: "generation",
    body: { id: hex(8), traceId: hex(16), name: "chat", model: "gpt-4o-mini", startTime: at.toISOString(), endTime: new Date(at.getTime() + 500).toISOString(), level: i < 5 ? "ERROR" : "DEFAULT" },
  }));
  expect((await call(ingestRoute.POST, "POST", { authorization: `Bearer ${key.secretKey}`, body: { batch } })).status).toBe(207);
  return { projectId: t.project.id, ruleId: rule.id };
}

describe("alert evaluation under concurrency", () => {
  it("three overlapping evaluation passes record one firing event", async () => {
    const t0 = new Date(Date.UTC(2026, 10, 22, 9, 0, 0));
    const { projectId } = await errorSpike("alerts-race", t0);
    const now = new Date(t0.getTime() + 2 * 60_000);
    const passes = await Promise.all([evaluateAlerts({ now }), evaluateAlerts({ now }), evaluateAlerts({ now })]);
    expect(passes.flat().filter((e) => e.projectId === projectId)).toHaveLength(1);
    const events = await db.alertEvent.findMany({ where: { projectId } });
    expect(events.map((e) => e.kind)).toEqual(["firing"]);
  });

  it("two workers, two overlapping evaluate-alerts jobs: the webhook hears the alert once", async () => {
    const { projectId, ruleId } = await errorSpike("alerts-two-workers", new Date(Date.now() - 60_000));
    const workers: PgBoss[] = [];
    try {
      for (let i = 0; i < 2; i++) {
        const boss = await startBoss(inject("databaseUrl"));
        await registerAlertJobs(boss, { schedule: false });
        workers.push(boss);
      }
      // As two minutes' jobs would, when the first overran: both queued at once, any worker takes either.
      const ids = await Promise.all([workers[0]!.send(QUEUES.evaluateAlerts, {}), workers[1]!.send(QUEUES.evaluateAlerts, {})]);
      const mine = () => hook.received.filter((r) => r.body.pharos.ruleId === ruleId);
      await expect.poll(() => mine().length, { timeout: 20_000, interval: 200 }).toBe(1);
      // Both evaluation jobs finished, and nothing else arrives.
      const states = () => Promise.all(ids.map(async (id) => (await workers[0]!.getJobById(QUEUES.evaluateAlerts, id!))?.state));
      await expect.poll(states, { timeout: 20_000, interval: 200 }).toEqual(["completed", "completed"]);
      await new Promise((r) => setTimeout(r, 1500));
      expect(mine()).toHaveLength(1);
      expect(mine()[0]!.body.pharos.kind).toBe("firing");
      const events = await db.alertEvent.findMany({ where: { projectId } });
      expect(events.map((e) => [e.kind, e.deliveryStatus, e.deliveryAttempts])).toEqual([["firing", "delivered", 1]]);
    } finally {
      await Promise.all(workers.map((w) => w.stop({ graceful: true, wait: true, timeout: 5_000 })));
    }
  });
});
