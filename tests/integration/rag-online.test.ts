// Online RAG evaluation against real Postgres and the fake provider: a faithfulness rule samples
// X % of new RAG traces (within a binomial interval, exactly the hash-sampled ones), never
// evaluates a trace twice (scored or failed), writes source-eval scores with their evidence on the LLM span, and
// feeds the overview, the explorer's score filter and the inbox's "faithfulness below" rule.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as evalScoresRoute from "@/app/api/projects/[projectId]/metrics/eval-scores/route";
import * as triageSettingsRoute from "@/app/api/projects/[projectId]/settings/triage/route";
import * as triageItemRoute from "@/app/api/projects/[projectId]/triage/[itemId]/route";
import * as tracesRoute from "@/app/api/projects/[projectId]/traces/route";
import * as ingestRoute from "@/app/api/public/ingest/route";
import * as connectionRoute from "@/app/api/public/llm-connections/[name]/route";
import * as publicRuleRoute from "@/app/api/public/online-evaluations/[name]/route";
import { db } from "@/lib/db";
import { inSample } from "@/lib/online-evals/sample";
import { runOnlineEvaluations } from "@/lib/online-evals/run-online-evaluations";
import { DEFAULT_TRIAGE_RULES } from "@/lib/triage/rules";
import { createKey, createOrgAndProject } from "../factories";
import { type FakeLlm, startFakeLlm } from "../support/fake-llm";
import { fakeRagJudge, RAG_TASK } from "../support/fake-rag-judge";
import { hex, sampleTraceEvents } from "../support/ingest";
import { ragTraceEvents } from "../support/rag-traces";
import { call } from "../support/route";

let llm: FakeLlm;
beforeAll(async () => {
  llm = await startFakeLlm({ models: ["gpt-4o-mini", "gpt-4o"] });
});
afterAll(() => llm.close());
beforeEach(() => llm.reset());

const docs = [{ id: "kb-1", content: "Refunds are issued within 5 days of the request.", score: 0.9 }, { id: "kb-2", content: "Refunds go back to the original card.", score: 0.7 }];
const FAITHFUL = "Refunds are issued within 5 days of the request. Refunds go back to the original card.";
const UNFAITHFUL = "Refunds are issued within 5 days of the request. Refunds are doubled on Fridays.";

async function setup(name: string) {
  const t = await createOrgAndProject(name);
  const key = await createKey(t.project);
  const auth = `Bearer ${key.secretKey}`;
  const p = { projectId: t.project.id };
  const conn = await call(connectionRoute.PUT, "PUT", { authorization: auth, params: { name: "fake" }, body: { baseUrl: llm.url, apiKey: "sk-fake-0000", models: ["gpt-4o-mini"] } });
  expect(conn.status, JSON.stringify(conn.json)).toBe(201);
  const ingest = async (events: unknown[]) => {
    for (let i = 0; i < events.length; i += 400) expect((await call(ingestRoute.POST, "POST", { authorization: auth, body: { batch: events.slice(i, i + 400) } })).status).toBe(207);
  };
  const pass = () => runOnlineEvaluations({ projectId: t.project.id, cutoff: new Date(), limits: { timeoutMs: 5_000, retry: { maxAttempts: 1 } } });
  return { ...t, auth, p, ingest, pass };
}

describe("online RAG evaluation", () => {
  it("samples X % of new RAG traces within a binomial interval — exactly the hash-sampled ones, no other trace — and never evaluates a trace twice", async () => {
    const t = await setup("rag-online-sample");
    llm.script({ when: { contains: RAG_TASK }, reply: fakeRagJudge() });
    const rule = await call(publicRuleRoute.PUT, "PUT", { authorization: t.auth, params: { name: "rag faithfulness" }, body: { sampleRate: 25, evaluator: { type: "faithfulness" }, connection: "fake" } });
    expect(rule.status, JSON.stringify(rule.json)).toBe(201);
    expect(rule.json).toMatchObject({ scoreName: "faithfulness", model: "gpt-4o-mini" });
    const ruleId = rule.json.id as string;

    const N = 400;
    const rag = Array.from({ length: N }, (_, i) => ragTraceEvents({ question: "How do refunds work?", answer: i % 2 ? UNFAITHFUL : FAITHFUL, documents: docs }));
    const plain = Array.from({ length: 100 }, () => sampleTraceEvents());
    await t.ingest([...rag.flatMap((r) => r.events), ...plain.flatMap((s) => s.events)]);
    const [first] = await t.pass();

    const expected = rag.filter((r) => inSample(ruleId, r.traceId, 25));
    // 400 draws at p = 0.25: mean 100, sd ≈ 8.7; 4 sd either side.
    expect(Math.abs(expected.length - 100)).toBeLessThan(35);
    const scores = await db.score.findMany({ where: { projectId: t.project.id, source: "eval" } });
    expect(scores.map((s) => s.traceId).sort()).toEqual(expected.map((r) => r.traceId).sort());
    expect(first).toMatchObject({ scored: expected.length, errors: 0 });
    // Each on its answer's LLM span, with the statements and passages kept.
    for (const s of scores) {
      const r = rag.find((x) => x.traceId === s.traceId)!;
      expect(s).toMatchObject({ name: "faithfulness", spanId: r.ids.llm, dataType: "NUMERIC" });
      // Even-numbered traces answer from the context (2 of 2 statements), odd ones add an unsupported one (1 of 2).
      expect(s.numberValue).toBe(rag.indexOf(r) % 2 === 0 ? 1 : 0.5);
      expect(s.details).toMatchObject({ evaluator: "faithfulness", spanId: r.ids.llm, passages: [{ id: "kb-1" }, { id: "kb-2" }] });
    }
    const calls = llm.chatRequests().length;
    expect(calls).toBe(expected.length * 2);

    // Late spans make every trace arrive again; a second (and third) pass evaluates none of them.
    const late = rag.map((r) => ({ id: `late-${r.traceId}`, type: "event", body: { id: hex(8), traceId: r.traceId, name: "late", startTime: new Date().toISOString() } }));
    await t.ingest(late);
    const [second] = await t.pass();
    const [third] = await t.pass();
    // The second pass did walk every RAG trace again (the late spans moved their arrival), and judged none.
    expect(second).toMatchObject({ walked: N, evaluated: 0, scored: 0 });
    expect(third).toMatchObject({ walked: 0, evaluated: 0, scored: 0 });
    expect(await db.score.count({ where: { projectId: t.project.id, source: "eval" } })).toBe(expected.length);
    expect(llm.chatRequests()).toHaveLength(calls);
    const stored = await db.onlineEvalRule.findUniqueOrThrow({ where: { projectId_id: { projectId: t.project.id, id: ruleId } } });
    expect(stored).toMatchObject({ evaluatedCount: expected.length, errorCount: 0, judgeCalls: calls });
  });

  it("does not judge a trace again when its evaluation failed (malformed JSON from the judge) and late spans make it arrive again", async () => {
    const t = await setup("rag-online-failed-once");
    llm.script({ when: { contains: RAG_TASK }, reply: { content: "statements: none, sorry {" } });
    const rule = await call(publicRuleRoute.PUT, "PUT", { authorization: t.auth, params: { name: "rag faithfulness" }, body: { sampleRate: 100, evaluator: { type: "faithfulness" }, connection: "fake" } });
    expect(rule.status, JSON.stringify(rule.json)).toBe(201);
    const ruleId = rule.json.id as string;
    const N = 6;
    const rag = Array.from({ length: N }, () => ragTraceEvents({ question: "How do refunds work?", answer: FAITHFUL, documents: docs }));
    await t.ingest(rag.flatMap((r) => r.events));

    const [first] = await t.pass();
    expect(first).toMatchObject({ walked: N, evaluated: N, scored: 0, errors: N });
    const calls = llm.chatRequests().length;
    expect(calls).toBeGreaterThanOrEqual(N);
    expect(await db.score.count({ where: { projectId: t.project.id, source: "eval" } })).toBe(0);
    const attempts = await db.onlineEvalAttempt.findMany({ where: { projectId: t.project.id, ruleId }, orderBy: { traceId: "asc" } });
    expect(attempts.map((a) => [a.traceId, a.status])).toEqual(rag.map((r) => [r.traceId, "error"]).sort());
    expect(attempts.every((a) => /judge error/.test(a.error ?? ""))).toBe(true);

    const late = rag.map((r) => ({ id: `late-${r.traceId}`, type: "event", body: { id: hex(8), traceId: r.traceId, name: "late", startTime: new Date().toISOString() } }));
    await t.ingest(late);
    const [second] = await t.pass();
    // Walked again (they re-arrived), judged none: no provider call, no second error.
    expect(second).toMatchObject({ walked: N, evaluated: 0, scored: 0, errors: 0 });
    expect(llm.chatRequests()).toHaveLength(calls);
    const stored = await db.onlineEvalRule.findUniqueOrThrow({ where: { projectId_id: { projectId: t.project.id, id: ruleId } } });
    expect(stored).toMatchObject({ evaluatedCount: 0, errorCount: N, judgeCalls: calls });
    // The attempts go with their rule.
    expect((await call(publicRuleRoute.DELETE, "DELETE", { authorization: t.auth, params: { name: "rag faithfulness" } })).status).toBe(200);
    expect(await db.onlineEvalAttempt.count({ where: { projectId: t.project.id } })).toBe(0);
  });

  it("runs one pass per rule at a time: a second worker's pass steps aside instead of judging the same traces again", async () => {
    const t = await setup("rag-online-overlap");
    // Slow enough that the two passes overlap.
    const judge = fakeRagJudge();
    llm.script({ when: { contains: RAG_TASK }, reply: (b) => ({ ...judge(b), delayMs: 40 }) });
    const rule = await call(publicRuleRoute.PUT, "PUT", { authorization: t.auth, params: { name: "rag faithfulness" }, body: { sampleRate: 100, evaluator: { type: "faithfulness" }, connection: "fake" } });
    expect(rule.status, JSON.stringify(rule.json)).toBe(201);
    const rag = Array.from({ length: 12 }, () => ragTraceEvents({ question: "How do refunds work?", answer: FAITHFUL, documents: docs }));
    await t.ingest(rag.flatMap((r) => r.events));

    const passes = (await Promise.all([t.pass(), t.pass()])).map(([r]) => r!);
    expect(passes.map((r) => r.stoppedBy).sort()).toEqual(["busy", "caught_up"]);
    expect(passes.find((r) => r.stoppedBy === "caught_up")).toMatchObject({ evaluated: 12, scored: 12 });
    expect(passes.find((r) => r.stoppedBy === "busy")).toMatchObject({ walked: 0, evaluated: 0 });
    // Two calls per trace (statements, verdicts), once.
    expect(llm.chatRequests()).toHaveLength(24);
    // The lock ends with the pass: the next one runs (and finds nothing left).
    expect((await t.pass())[0]).toMatchObject({ stoppedBy: "caught_up", evaluated: 0 });
  });

  it("shows in the overview by prompt version and model, filters the explorer, and opens 'faithfulness below' inbox items with the unsupported statements", async () => {
    const t = await setup("rag-online-inbox");
    llm.script({ when: { contains: RAG_TASK }, reply: fakeRagJudge({ lie: { model: "gpt-4o-mini", items: ["Refunds go back to the original card"] } }) });
    const rules = { ...DEFAULT_TRIAGE_RULES, faithfulness: { enabled: true, below: 0.7 } };
    expect((await call(triageSettingsRoute.PUT, "PUT", { params: t.p, cookie: t.owner.cookie, body: rules })).status).toBe(200);
    // Tiered: the cheap model wrongly rejects a verbatim statement → the strong model decides it.
    const rule = await call(publicRuleRoute.PUT, "PUT", { authorization: t.auth, params: { name: "rag" }, body: { sampleRate: 100, evaluator: { type: "faithfulness", escalation: { model: "gpt-4o" } }, connection: "fake" } });
    expect(rule.status).toBe(201);
    const good = ragTraceEvents({ question: "How do refunds work?", answer: FAITHFUL, documents: docs, promptVersion: 1, model: "gpt-4o-mini" });
    const bad = ragTraceEvents({ question: "How do refunds work?", answer: UNFAITHFUL, documents: docs, promptVersion: 2, model: "gpt-4o" });
    await t.ingest([...good.events, ...bad.events]);
    await t.pass();

    const scores = await db.score.findMany({ where: { projectId: t.project.id, source: "eval" }, orderBy: { numberValue: "asc" } });
    expect(scores.map((s) => [s.traceId, s.numberValue])).toEqual([[bad.traceId, 0.5], [good.traceId, 1]]);
    const stats = (await db.onlineEvalRule.findFirstOrThrow({ where: { projectId: t.project.id } }));
    expect(stats.escalatedCount).toBe(1);
    expect(llm.chatRequests().filter((r) => r.body!.model === "gpt-4o")).toHaveLength(1);

    const range = { from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() };
    const overview = await call(evalScoresRoute.GET, "GET", { params: t.p, cookie: t.owner.cookie, query: range });
    expect(overview.json.byPrompt).toEqual([
      { name: "faithfulness", promptName: "rag-answer", promptVersion: 2, mean: 0.5, count: 1 },
      { name: "faithfulness", promptName: "rag-answer", promptVersion: 1, mean: 1, count: 1 },
    ]);
    expect(overview.json.byModel).toEqual([{ name: "faithfulness", model: "gpt-4o", mean: 0.5, count: 1 }, { name: "faithfulness", model: "gpt-4o-mini", mean: 1, count: 1 }]);

    const low = await call(tracesRoute.GET, "GET", { params: t.p, cookie: t.owner.cookie, query: { scoreName: "faithfulness", scoreMax: "0.7" } });
    expect(low.json.data.map((x: { id: string }) => x.id)).toEqual([bad.traceId]);

    const items = await db.triageItem.findMany({ where: { projectId: t.project.id } });
    expect(items.map((i) => [i.traceId, i.reasons])).toEqual([[bad.traceId, ["unfaithful"]]]);
    const detail = await call(triageItemRoute.GET, "GET", { params: { ...t.p, itemId: items[0]!.id }, cookie: t.owner.cookie });
    expect(detail.status).toBe(200);
    expect(detail.json.faithfulness).toMatchObject({ name: "faithfulness", value: 0.5, spanId: bad.ids.llm, statementCount: 2, unsupported: [{ sentence: 2, text: "Refunds are doubled on Fridays" }] });
  });
});
