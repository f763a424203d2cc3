import { mkdtemp, readFile, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDemoCredentials, readDemoCredentials, writeDemoCredentials } from "@/lib/bootstrap/demo-credentials";
import { DEMO_RETENTION_DAYS, seedDemoRetention } from "@/lib/bootstrap/seed-demo-retention";
import { DEMO_ALERT_RULES, DEMO_WEBHOOK_URL, seedDemoAlerts } from "@/lib/bootstrap/seed-demo-alerts";
import * as alertRulesRoute from "@/app/api/projects/[projectId]/alerts/route";
import { seedDemoTraces } from "@/lib/bootstrap/seed-demo-traces";
import { db } from "@/lib/db";
import { sqlPool } from "@/lib/db-sql-pool";
import { applyRetention } from "@/lib/retention/apply-retention";
import * as policiesRoute from "@/app/api/projects/[projectId]/prompts/[promptId]/policies/route";
import { createOrgAndProject } from "../factories";
import { call } from "../support/route";

const NOW = new Date(Date.UTC(2026, 10, 20, 12, 0, 0));

/** Everything seeding writes for a project, as numbers that double if anything is written twice. */
async function footprint(projectId: string) {
  const [row] = await db.$queryRaw<Record<string, string>[]>`
    select (select count(*) from traces where project_id = ${projectId})::text as traces,
           (select sum(span_count) from traces where project_id = ${projectId})::text as trace_span_counts,
           (select sum(input_tokens + output_tokens) from traces where project_id = ${projectId})::text as trace_tokens,
           (select count(*) from spans where project_id = ${projectId})::text as spans,
           (select count(*) from scores where project_id = ${projectId})::text as scores,
           (select sum(count)::text || '/' || sum(thumbs_up + thumbs_down)::text || '/' || sum(cost_sum)::text
              from metric_minutes where project_id = ${projectId}) as minutes,
           (select count(*) from triage_items where project_id = ${projectId})::text as triage`;
  return row!;
}

describe("demo seeding", () => {
  it("seeding again with the same end instant writes nothing twice (a resumed first start)", async () => {
    const t = await createOrgAndProject("demo-seed");
    const first = await seedDemoTraces({ projectId: t.project.id, days: 2, perDay: 40, now: NOW });
    const once = await footprint(t.project.id);
    expect(Number(once.traces)).toBe(first.traces);
    expect(Number(once.scores)).toBeGreaterThan(0);
    expect(Number(once.triage)).toBeGreaterThan(0);

    await seedDemoTraces({ projectId: t.project.id, days: 2, perDay: 40, now: NOW });
    expect(await footprint(t.project.id)).toEqual(once);
  });

  it("sets a 90-day retention that the worker's pass applies without deleting any demo trace", async () => {
    const t = await createOrgAndProject("demo-retention");
    await seedDemoTraces({ projectId: t.project.id, days: 7, perDay: 10, now: NOW });
    const before = await footprint(t.project.id);
    expect(await seedDemoRetention({ projectId: t.project.id })).toEqual({ set: true });
    expect(await seedDemoRetention({ projectId: t.project.id })).toEqual({ set: false });
    expect((await db.projectSettings.findUniqueOrThrow({ where: { projectId: t.project.id } })).traceRetentionDays).toBe(DEMO_RETENTION_DAYS);
    expect(await db.auditLog.count({ where: { projectId: t.project.id, action: "project.retention.update", actorUserId: t.owner.user.id } })).toBe(1);
    // The pass a day after seeding, and 82 days after (the oldest demo trace is then 89 days old): nothing goes.
    for (const later of [1, 82]) {
      const client = await sqlPool().connect();
      try {
        const result = await applyRetention(client, { now: new Date(NOW.getTime() + later * 86_400_000), onlyProjects: [t.project.id] });
        expect(result).toMatchObject({ projects: 1, traces: 0, spanRows: 0, scores: 0 });
      } finally {
        client.release();
      }
    }
    expect(await footprint(t.project.id)).toEqual(before);
    // 85 days after, the first day of demo traces is past the cutoff: retention does apply to the demo.
    const client = await sqlPool().connect();
    try {
      expect((await applyRetention(client, { now: new Date(NOW.getTime() + 85 * 86_400_000), onlyProjects: [t.project.id] })).traces).toBeGreaterThan(0);
    } finally {
      client.release();
    }
  });

  it("seeds muted alert rules with a week of firing and recovery, delivered nowhere, and the webhook only masked — once", async () => {
    const t = await createOrgAndProject("demo-alerts");
    await seedDemoTraces({ projectId: t.project.id, days: 3, perDay: 160, now: NOW });
    const first = await seedDemoAlerts({ projectId: t.project.id, now: NOW, days: 3 });
    expect(first.rules).toBe(DEMO_ALERT_RULES.length);
    const rules = await db.alertRule.findMany({ where: { projectId: t.project.id } });
    expect(rules.map((r) => r.name).sort()).toEqual(DEMO_ALERT_RULES.map((r) => r.name).sort());
    // Muted for a century and evaluated. (Not their last value or state: other alert tests evaluate every
    // project's rules at instants after NOW, where these have no data.)
    expect(rules.every((r) => r.mutedUntil! > new Date(NOW.getTime() + 50 * 365 * 86_400_000) && r.lastEvaluatedAt !== null)).toBe(true);
    // The replay recorded transitions up to NOW, alternating per rule, and none was delivered. (Other
    // alert tests evaluate every project's rules, at instants after NOW: events they add to these
    // rules come after NOW, and are muted too.)
    const events = await db.alertEvent.findMany({ where: { projectId: t.project.id, createdAt: { lte: NOW } }, orderBy: { createdAt: "asc" } });
    expect(events.length).toBe(first.events);
    expect(events.length).toBeGreaterThan(1);
    const all = await db.alertEvent.findMany({ where: { projectId: t.project.id } });
    expect(all.every((e) => e.deliveryStatus === "muted" && e.deliveryAttempts === 0 && e.deliveredAt === null)).toBe(true);
    for (const rule of rules) {
      const kinds = events.filter((e) => e.ruleId === rule.id).map((e) => e.kind);
      kinds.forEach((kind, i) => expect(kind).toBe(i % 2 === 0 ? "firing" : "resolved"));
    }
    // Created by the owner (audited); the API shows the placeholder webhook only masked.
    expect(await db.auditLog.count({ where: { projectId: t.project.id, action: "alert_rule.create" } })).toBe(DEMO_ALERT_RULES.length);
    const listed = await call(alertRulesRoute.GET, "GET", { cookie: t.owner.cookie, params: { projectId: t.project.id } });
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.json)).not.toContain(DEMO_WEBHOOK_URL.split("/").at(-1)!);
    // Seeding again writes nothing.
    expect(await seedDemoAlerts({ projectId: t.project.id, now: NOW, days: 3 })).toEqual({ rules: 0, events: 0 });
    expect(await db.alertEvent.count({ where: { projectId: t.project.id, createdAt: { lte: NOW } } })).toBe(events.length);
  });

  it("keeps the sign-in and the seeding state in a 0600 file, read back exactly", async () => {
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), "pharos-demo-")), "credentials");
    const demo = { email: "demo@pharos.local", password: "pw=with=equals", projectId: "p1", publicKey: "pk-lf-1", secretKey: "sk-lf-1", seedFrom: NOW, seeded: false };
    expect(await readDemoCredentials(file)).toBeNull();
    await writeDemoCredentials(file, demo);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readDemoCredentials(file)).toEqual(demo);
    await writeDemoCredentials(file, { ...demo, seeded: true });
    expect(await readFile(file, "utf8")).toContain("demo_seeded=yes");
    expect((await readDemoCredentials(file))?.seeded).toBe(true);
    // A file without the seeding state (or cut short) is not a demo to resume.
    expect(parseDemoCredentials("email=a@b.c\npassword=x\nproject_id=p\n")).toBeNull();
  });
});

describe("demo RAG seeding", () => {
  it("writes RAG traces with documents, faithfulness and relevancy scores with their evidence, the RAG rules and 'faithfulness below' inbox items — once", async () => {
    const { seedDemoRag, DEMO_FAITHFULNESS_RULE } = await import("@/lib/bootstrap/seed-demo-rag");
    const t = await createOrgAndProject("demo-rag");
    const first = await seedDemoRag({ projectId: t.project.id, now: NOW });
    const once = await footprint(t.project.id);
    await seedDemoRag({ projectId: t.project.id, now: NOW });
    expect(await footprint(t.project.id)).toEqual(once);

    const retrievers = await db.span.findMany({ where: { projectId: t.project.id, kind: "retriever" } });
    expect(retrievers).toHaveLength(first.traces);
    const faith = await db.score.findMany({ where: { projectId: t.project.id, name: "faithfulness", source: "eval" } });
    expect(faith).toHaveLength(first.traces);
    expect(faith.filter((s) => s.numberValue! < 0.7).length).toBeGreaterThan(0);
    expect(faith[0]!.details).toMatchObject({ evaluator: "faithfulness", passages: expect.any(Array), statements: expect.any(Array) });
    expect(await db.score.count({ where: { projectId: t.project.id, name: "answer_relevancy", source: "eval" } })).toBe(first.traces);
    const rule = await db.onlineEvalRule.findUniqueOrThrow({ where: { projectId_name: { projectId: t.project.id, name: DEMO_FAITHFULNESS_RULE } } });
    expect(rule).toMatchObject({ enabled: false, scoreName: "faithfulness" });
    const items = await db.triageItem.findMany({ where: { projectId: t.project.id } });
    expect(items.length).toBe(faith.filter((s) => s.numberValue! < 0.7).length);
    expect(items.every((i) => i.reasons.includes("unfaithful"))).toBe(true);
  });
});

describe("demo RAG release", () => {
  it("seeds support-rag (production → v2), a RAG golden set promoted from RAG traces with their documents as contexts, and a faithfulness gate on production's policy — once", async () => {
    const { seedDemoRag } = await import("@/lib/bootstrap/seed-demo-rag");
    const { seedDemoRagRelease, DEMO_RAG_GOLDEN_QUESTIONS, DEMO_RAG_GOLDEN_SET, DEMO_RAG_PROMPT } = await import("@/lib/bootstrap/seed-demo-rag-release");
    const t = await createOrgAndProject("demo-rag-release");
    const projectId = t.project.id;
    await seedDemoRag({ projectId, now: NOW });
    const first = await seedDemoRagRelease({ projectId });

    // The golden set: one item per question, each from a RAG trace, carrying its retriever's documents in rank order.
    const dataset = await db.dataset.findUniqueOrThrow({ where: { projectId_name: { projectId, name: DEMO_RAG_GOLDEN_SET } } });
    expect(dataset.id).toBe(first.datasetId);
    const items = await db.datasetItem.findMany({ where: { projectId, datasetId: dataset.id, validTo: null }, orderBy: { validFrom: "asc" } });
    expect(items.map((i) => (i.input as { question: string }).question)).toEqual(DEMO_RAG_GOLDEN_QUESTIONS);
    for (const item of items) {
      expect(item).toMatchObject({ source: "trace", expectedOutput: expect.any(String) });
      const retriever = await db.span.findFirstOrThrow({ where: { projectId, traceId: item.sourceTraceId!, kind: "retriever" } });
      const docs = retriever.output as { id: string; content: string; score: number }[];
      expect(docs).toHaveLength(3);
      expect(item.contexts).toEqual(docs.map((d) => ({ id: d.id, content: d.content, score: d.score, metadata: expect.any(Object) })));
      const trace = await db.trace.findUniqueOrThrow({ where: { projectId_id: { projectId, id: item.sourceTraceId! } } });
      expect(item.expectedOutput).toBe((trace.output as { answer: string }).answer);
    }

    // The prompt the RAG traces name, production on v2, and the gate on production's policy: stored, not required.
    const prompt = await db.prompt.findUniqueOrThrow({ where: { projectId_name: { projectId, name: DEMO_RAG_PROMPT } } });
    expect(prompt.id).toBe(first.promptId);
    expect((await db.promptLabel.findUniqueOrThrow({ where: { projectId_promptId_label: { projectId, promptId: prompt.id, label: "production" } } })).version).toBe(2);
    const policy = await db.promptPolicy.findUniqueOrThrow({ where: { projectId_promptId_label: { projectId, promptId: prompt.id, label: "production" } } });
    expect(policy).toMatchObject({ requiredApprovals: 1, requirePassingRun: false });
    expect(policy.runGate).toMatchObject({ datasetId: dataset.id, connection: "demo-judge", evaluators: [{ type: "faithfulness" }], scoreGates: [{ evaluator: "faithfulness", min: 0.9, maxDrop: 0.03 }] });
    expect(await db.auditLog.count({ where: { projectId, action: "prompt.policy.update", resourceId: `${prompt.id}:production` } })).toBe(1);
    // As the policy API and dialog read it (a stored gate that no longer parsed would read as none).
    const policies = await call(policiesRoute.GET, "GET", { params: { projectId, promptId: prompt.id }, cookie: t.owner.cookie });
    expect(policies.json.policies.find((p: { label: string }) => p.label === "production")).toMatchObject({
      source: "prompt", requirePassingRun: false, runGate: { scoreGates: [{ evaluator: "faithfulness", min: 0.9, maxDrop: 0.03 }] },
    });

    // Again: nothing new.
    const counts = async () => [
      await db.datasetItem.count({ where: { projectId } }), await db.promptVersion.count({ where: { projectId } }),
      await db.promptChangeRequest.count({ where: { projectId } }), await db.auditLog.count({ where: { projectId } }),
    ];
    const before = await counts();
    expect(before[0]).toBe(DEMO_RAG_GOLDEN_QUESTIONS.length);
    expect(await seedDemoRagRelease({ projectId })).toEqual(first);
    expect(await counts()).toEqual(before);
  });
});
