// Online evaluation end to end against a real Postgres and the fake provider: rules through the
// public and UI routes, the worker pass (lib/online-evals), and where eval scores then show up —
// the trace view, the explorer's score filter and the inbox's low-score rule.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as rulesUiRoute from "@/app/api/projects/[projectId]/online-evaluations/route";
import * as ruleUiRoute from "@/app/api/projects/[projectId]/online-evaluations/[ruleId]/route";
import * as evalScoresRoute from "@/app/api/projects/[projectId]/metrics/eval-scores/route";
import * as triageSettingsRoute from "@/app/api/projects/[projectId]/settings/triage/route";
import * as tracesRoute from "@/app/api/projects/[projectId]/traces/route";
import * as traceRoute from "@/app/api/projects/[projectId]/traces/[traceId]/route";
import * as ingestRoute from "@/app/api/public/ingest/route";
import * as connectionRoute from "@/app/api/public/llm-connections/[name]/route";
import * as publicRulesRoute from "@/app/api/public/online-evaluations/route";
import * as publicRuleRoute from "@/app/api/public/online-evaluations/[name]/route";
import { seedDemoOnlineEvals } from "@/lib/bootstrap/seed-demo-online-evals";
import { seedDemoTraces } from "@/lib/bootstrap/seed-demo-traces";
import { db } from "@/lib/db";
import { inSample } from "@/lib/online-evals/sample";
import { runOnlineEvaluations } from "@/lib/online-evals/run-online-evaluations";
import { DEFAULT_TRIAGE_RULES } from "@/lib/triage/rules";
import { addMember, createKey, createOrgAndProject } from "../factories";
import { type FakeLlm, startFakeLlm } from "../support/fake-llm";
import { sampleTraceEvents } from "../support/ingest";
import { call } from "../support/route";

let llm: FakeLlm;
beforeAll(async () => {
  llm = await startFakeLlm({ models: ["gpt-4o-mini"] });
});
afterAll(() => llm.close());

async function setup(name: string) {
  const t = await createOrgAndProject(name);
  const key = await createKey(t.project);
  const auth = `Bearer ${key.secretKey}`;
  const p = { projectId: t.project.id };
  /** Traces through the ingest API; each `{ environment?, name?, output? }` is one two-span trace. */
  const ingest = async (traces: { environment?: string; name?: string; output?: string }[]) => {
    const made = traces.map((o) => {
      const s = sampleTraceEvents({ output: { role: "assistant", content: o.output ?? "Refunds take 5 days." } });
      Object.assign(s.events[0]!.body, { environment: o.environment ?? "production", name: o.name ?? "answer-question" });
      return s;
    });
    for (let i = 0; i < made.length; i += 50) {
      const res = await call(ingestRoute.POST, "POST", { authorization: auth, body: { batch: made.slice(i, i + 50).flatMap((s) => s.events) } });
      expect(res.status).toBe(207);
    }
    return made;
  };
  const put = (rule: string, body: object) => call(publicRuleRoute.PUT, "PUT", { authorization: auth, params: { name: rule }, body });
  // Everything committed before this instant is past the arrival cutoff.
  const pass = () => runOnlineEvaluations({ projectId: t.project.id, cutoff: new Date(), limits: { timeoutMs: 5_000, retry: { maxAttempts: 1 } } });
  const evalScores = () => db.score.findMany({ where: { projectId: t.project.id, source: "eval" }, orderBy: { traceId: "asc" } });
  return { ...t, key, auth, p, ingest, put, pass, evalScores };
}

describe("online evaluation", () => {
  it("at 100 % scores every matching production trace once, with the LLM span, and skips other environments and names", async () => {
    const t = await setup("oe-all");
    const created = await t.put("no apology", { sampleRate: 100, filter: { name: "answer-question" }, evaluator: { type: "not_contains", values: ["sorry"] } });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    expect(created.json).toMatchObject({ name: "no apology", scoreName: "no apology", enabled: true, filter: { environment: "production", name: "answer-question" }, evaluator: { type: "not_contains", values: ["sorry"] } });
    const prod = await t.ingest([{}, {}, {}, { output: "Sorry, I cannot help." }]);
    await t.ingest([{ environment: "staging" }, { environment: "experiment" }, { name: "other-flow" }]);

    const [first] = await t.pass();
    expect(first).toMatchObject({ evaluated: 4, scored: 4, errors: 0, stoppedBy: "caught_up" });
    const scores = await t.evalScores();
    expect(scores.map((s) => s.traceId)).toEqual(prod.map((s) => s.traceId).sort());
    for (const s of scores) {
      const trace = prod.find((x) => x.traceId === s.traceId)!;
      expect(s).toMatchObject({ name: "no apology", source: "eval", dataType: "NUMERIC", spanId: trace.genId });
    }
    expect(scores.filter((s) => s.numberValue === 0)).toHaveLength(1);

    // The overview's evaluation card: today's mean (3 of 4 pass) and the same by the traces' prompt version.
    const range = { from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() };
    const overview = await call(evalScoresRoute.GET, "GET", { params: t.p, cookie: t.owner.cookie, query: range });
    expect(overview.status).toBe(200);
    expect(overview.json.days.map((d: { name: string; mean: number; count: number }) => [d.name, d.mean, d.count])).toEqual([["no apology", 0.75, 4]]);
    expect(overview.json.byPrompt).toEqual([{ name: "no apology", promptName: "support-answer", promptVersion: 2, mean: 0.75, count: 4 }]);
    const viewer = await addMember(t, "viewer");
    expect((await call(evalScoresRoute.GET, "GET", { params: t.p, cookie: viewer.cookie, query: range })).status).toBe(200);

    // Re-running, and ingesting more spans into a scored trace (it arrives again), adds nothing.
    await call(ingestRoute.POST, "POST", { authorization: t.auth, body: { batch: [{ id: "late-event", type: "event", body: { id: "late-ev", traceId: prod[0]!.traceId, name: "late", startTime: new Date().toISOString() } }] } });
    const [again] = await t.pass();
    expect(again).toMatchObject({ evaluated: 0, scored: 0 });
    expect(await t.evalScores()).toHaveLength(4);
    const list = await call(publicRulesRoute.GET, "GET", { authorization: t.auth });
    expect(list.json.rules[0].stats).toMatchObject({ evaluated: 4, meanScore: 0.75, errors: 0, lastError: null });

    // They show where scores show: the explorer's score filter and the trace view.
    const low = await call(tracesRoute.GET, "GET", { params: t.p, cookie: t.owner.cookie, query: { scoreName: "no apology", scoreMax: "0.5" } });
    expect(low.json.data.map((x: { id: string }) => x.id)).toEqual([prod[3]!.traceId]);
    const view = await call(traceRoute.GET, "GET", { params: { ...t.p, traceId: prod[3]!.traceId }, cookie: t.owner.cookie });
    expect(JSON.stringify(view.json)).toContain('"source":"eval"');
  });

  it("at 30 % samples deterministically within a binomial bound, and re-running adds nothing", async () => {
    const t = await setup("oe-sample");
    const rule = await t.put("length check", { sampleRate: 30, evaluator: { type: "length", max: 600 } });
    expect(rule.status).toBe(201);
    const traces = await t.ingest(Array.from({ length: 300 }, () => ({})));
    const results = await t.pass();
    const scored = await t.evalScores();
    // Exactly the traces the hash puts in the sample…
    expect(scored.map((s) => s.traceId)).toEqual(traces.map((s) => s.traceId).filter((id) => inSample(rule.json.id, id, 30)).sort());
    // …which is 30 % within 5 standard deviations (n = 300, p = 0.3: mean 90, sd ≈ 7.9).
    expect(Math.abs(scored.length - 90)).toBeLessThan(40);
    expect(results[0]).toMatchObject({ walked: 300, scored: scored.length });
    await t.pass();
    expect(await t.evalScores()).toHaveLength(scored.length);
    expect((await db.onlineEvalRule.findUniqueOrThrow({ where: { projectId_id: { projectId: t.project.id, id: rule.json.id } } })).evaluatedCount).toBe(scored.length);
  });

  it("llm_judge writes the fake judge's scores, prices the calls, and records malformed verdicts as errors without a score", async () => {
    const t = await setup("oe-judge");
    expect((await call(connectionRoute.PUT, "PUT", { authorization: t.auth, params: { name: "judge" }, body: { baseUrl: llm.url, apiKey: "sk-judge", models: ["gpt-4o-mini"] } })).status).toBe(201);
    const missing = await t.put("helpful", { sampleRate: 100, evaluator: { type: "llm_judge", rubric: "Q: {{input}} A: {{output}}" } });
    expect(missing.status).toBe(400);
    expect(missing.json.error.message).toMatch(/^body\.connection: /);
    const badParam = await t.put("helpful", { sampleRate: 100, connection: "judge", evaluator: { type: "llm_judge", rubric: "x", scale: "1-10" } });
    expect(badParam.json.error.message).toMatch(/^body\.evaluator\.scale: /);
    const rule = await t.put("helpful", { sampleRate: 100, connection: "judge", evaluator: { type: "llm_judge", rubric: "Is this helpful? {{output}}" } });
    expect(rule.status, JSON.stringify(rule.json)).toBe(201);
    expect(rule.json.model).toBe("gpt-4o-mini");

    llm.reset();
    llm.script({ when: { contains: "GARBLED" }, reply: { content: "I think it is fine" } });
    llm.script({ reply: { content: '{"score": 4, "reasoning": "Clear and correct."}' } });
    const [good, , bad] = await t.ingest([{}, {}, { output: "GARBLED answer" }]);
    const [pass] = await t.pass();
    expect(pass).toMatchObject({ evaluated: 3, scored: 2, errors: 1 });
    const scores = await t.evalScores();
    expect(scores.map((s) => s.traceId)).not.toContain(bad!.traceId);
    expect(scores.find((s) => s.traceId === good!.traceId)).toMatchObject({ numberValue: 4, comment: "Clear and correct.", name: "helpful" });
    const stored = await db.onlineEvalRule.findUniqueOrThrow({ where: { projectId_id: { projectId: t.project.id, id: rule.json.id } } });
    // Two good verdicts (one call each) and a malformed one asked twice.
    expect(stored).toMatchObject({ evaluatedCount: 2, errorCount: 1, judgeCalls: 4 });
    expect(stored.lastError).toMatch(/judge error/);
    expect(Number(stored.costTotal)).toBeGreaterThan(0);
    expect(llm.chatRequests()).toHaveLength(4);
  });

  it("opens an inbox item when an eval score is below the project's low-score rule", async () => {
    const t = await setup("oe-inbox");
    const rules = { ...DEFAULT_TRIAGE_RULES, lowScores: [{ scoreName: "no apology", below: 0.5 }] };
    expect((await call(triageSettingsRoute.PUT, "PUT", { params: t.p, cookie: t.owner.cookie, body: rules })).status).toBe(200);
    await t.put("no apology", { sampleRate: 100, evaluator: { type: "not_contains", value: "sorry" } });
    const [fine, sorry] = await t.ingest([{}, { output: "Sorry, I cannot help." }]);
    expect(await db.triageItem.count({ where: { projectId: t.project.id } })).toBe(0);
    await t.pass();
    const items = await db.triageItem.findMany({ where: { projectId: t.project.id } });
    expect(items.map((i) => [i.traceId, i.reasons])).toEqual([[sorry!.traceId, ["low_score"]]]);
    expect(items.some((i) => i.traceId === fine!.traceId)).toBe(false);
  });

  it("lets engineers manage rules through the UI routes, not viewers or annotators, and audits the changes", async () => {
    const t = await setup("oe-roles");
    const body = { name: "short", sampleRate: 10, evaluator: { type: "length", max: 100 } };
    for (const role of ["viewer", "annotator"] as const) {
      const m = await addMember(t, role);
      expect((await call(rulesUiRoute.POST, "POST", { params: t.p, cookie: m.cookie, body })).status).toBe(403);
    }
    const viewer = await addMember(t, "viewer");
    expect((await call(rulesUiRoute.GET, "GET", { params: t.p, cookie: viewer.cookie })).status).toBe(200);
    const engineer = await addMember(t, "engineer");
    const created = await call(rulesUiRoute.POST, "POST", { params: t.p, cookie: engineer.cookie, body });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    expect((await call(rulesUiRoute.POST, "POST", { params: t.p, cookie: engineer.cookie, body })).status).toBe(409);
    const params = { ...t.p, ruleId: created.json.id };
    expect((await call(ruleUiRoute.PATCH, "PATCH", { params, cookie: viewer.cookie, body: { enabled: false } })).status).toBe(403);
    const paused = await call(ruleUiRoute.PATCH, "PATCH", { params, cookie: engineer.cookie, body: { enabled: false } });
    expect(paused.json).toMatchObject({ enabled: false, sampleRate: 10 });
    const bad = await call(ruleUiRoute.PATCH, "PATCH", { params, cookie: engineer.cookie, body: { evaluator: { type: "exact_match" } } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/^body\.evaluator\.type: /);
    expect((await call(rulesUiRoute.POST, "POST", { params: t.p, cookie: engineer.cookie, body: { ...body, name: "x", sampleRate: 101 } })).status).toBe(400);
    expect((await call(ruleUiRoute.DELETE, "DELETE", { params, cookie: engineer.cookie })).status).toBe(200);
    const audit = await db.auditLog.findMany({ where: { projectId: t.project.id, resourceType: "online_eval_rule" }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["online_eval.create", "online_eval.disable", "online_eval.delete"]);
    expect((await call(publicRuleRoute.DELETE, "DELETE", { authorization: t.auth, params: { name: "short" } })).status).toBe(404);
  });

  it("gives the demo project a rule and eval scores on its production traces, once", async () => {
    const t = await createOrgAndProject("oe-demo");
    const now = new Date();
    await seedDemoTraces({ projectId: t.project.id, days: 2, perDay: 60, now });
    const first = await seedDemoOnlineEvals({ projectId: t.project.id, from: new Date(now.getTime() - 8 * 86_400_000) });
    const scores = await db.score.count({ where: { projectId: t.project.id, source: "eval", name: "concise" } });
    expect(scores).toBeGreaterThan(0);
    expect(first.scored).toBe(scores);
    await seedDemoOnlineEvals({ projectId: t.project.id, from: new Date(now.getTime() - 8 * 86_400_000) });
    expect(await db.score.count({ where: { projectId: t.project.id, source: "eval" } })).toBe(scores);
  });
});
