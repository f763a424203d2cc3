// The tiered LLM judge and self-consistency in real runs: route handlers, real Postgres, the fake
// provider over HTTP answering by model, question and temperature, the executor as the worker runs it.
// Every model is priced by a project price override, so each expected cost is arithmetic on the
// fake's token counts (one token per 4 characters) of the requests it recorded.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as itemsRoute from "@/app/api/projects/[projectId]/datasets/[datasetId]/items/route";
import * as connectionsRoute from "@/app/api/projects/[projectId]/llm-connections/route";
import * as ingestSettingsRoute from "@/app/api/projects/[projectId]/settings/ingest/route";
import * as publicRunRoute from "@/app/api/public/runs/[runId]/route";
import * as publicRunsRoute from "@/app/api/public/runs/route";
import { db } from "@/lib/db";
import { checkRunGate } from "@/lib/prompts/check-run-gate";
import { executeRun } from "@/lib/runs/execute-run";
import { createKey, createOrgAndProject } from "../factories";
import { createDataset } from "../support/datasets";
import { type FakeChatRequest, type FakeLlm, type FakeReply, messageText, type RecordedRequest, startFakeLlm } from "../support/fake-llm";
import { seedPrompt } from "../support/prompt-rows";
import { call } from "../support/route";

let llm: FakeLlm;
beforeAll(async () => {
  llm = await startFakeLlm({ models: ["fake-sut", "judge-cheap", "judge-strong"] });
});
afterAll(() => llm.close());
beforeEach(() => llm.reset());

const limits = { timeoutMs: 5_000, retry: { maxAttempts: 2, baseDelayMs: 10 } };
/** $ per million tokens (input, output) by model, as the project's price overrides. */
const PRICES: Record<string, [number, number]> = { "fake-sut": [1, 2], "judge-cheap": [0.5, 1], "judge-strong": [10, 30] };
const JUDGE = "You are an evaluator";

async function setup(n: number) {
  const t = await createOrgAndProject("judges");
  const key = await createKey(t.project);
  const p = { projectId: t.project.id };
  const dataset = await createDataset(t, "golden");
  const itemIds: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await call(itemsRoute.POST, "POST", { params: { ...p, datasetId: dataset.id }, cookie: t.owner.cookie, body: { input: { question: `q${i}` }, expectedOutput: `a${i}` } });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    itemIds.push(res.json.itemId);
  }
  const effectiveFrom = new Date(Date.now() - 3_600_000).toISOString();
  const priceOverrides = Object.entries(PRICES).map(([model, [inputPerMillion, outputPerMillion]]) => ({ id: model, modelPattern: model, inputPerMillion, outputPerMillion, effectiveFrom }));
  expect((await call(ingestSettingsRoute.PUT, "PUT", { params: p, cookie: t.owner.cookie, body: { priceOverrides } })).status).toBe(200);
  const conn = await call(connectionsRoute.POST, "POST", { params: p, cookie: t.owner.cookie, body: { name: "fake", baseUrl: llm.url, apiKey: "sk-judges-0000", models: ["fake-sut"] } });
  expect(conn.status, JSON.stringify(conn.json)).toBe(201);
  await seedPrompt({ projectId: t.project.id, name: "qa", versions: ["v1: {{question}}"], config: { model: "fake-sut" } });
  return { t, itemIds, auth: `Bearer ${key.secretKey}` };
}

async function startAndRun(s: Awaited<ReturnType<typeof setup>>, body: Record<string, unknown>) {
  const res = await call(publicRunsRoute.POST, "POST", { authorization: s.auth, body: { dataset: "golden", connection: "fake", prompt: { name: "qa", version: 1 }, minPassRate: 0, ...body } });
  expect(res.status, JSON.stringify(res.json)).toBe(202);
  const id = res.json.id as string;
  expect(await executeRun({ projectId: s.t.project.id, runId: id, limits })).toEqual({ status: "succeeded" });
  const items = await db.runItem.findMany({ where: { projectId: s.t.project.id, runId: id }, orderBy: { position: "asc" } });
  const pub = await call(publicRunRoute.GET, "GET", { authorization: s.auth, params: { runId: id } });
  return { id, items, pub: pub.json };
}

/** A recorded call's price from the tokens the fake reported, at its model's price (or another model's). */
function priceOf(r: RecordedRequest, asModel?: string) {
  const [inRate, outRate] = PRICES[asModel ?? r.body!.model!]!;
  return (r.completion!.usage.prompt_tokens * inRate + r.completion!.usage.completion_tokens * outRate) / 1e6;
}
const question = (b: FakeChatRequest) => /q(\d)/.exec(messageText(b.messages))?.[0] ?? "";
const isJudge = (b: FakeChatRequest) => messageText(b.messages).includes(JUDGE);
const calls = (where: (b: FakeChatRequest) => boolean) => llm.chatRequests().filter((r) => where(r.body!));
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe("tiered llm_judge in a run", () => {
  const verdict = (score: number) => ({ content: JSON.stringify({ score, reasoning: `scored ${score}` }) });

  it("escalates exactly the in-band items; the summary counts them and prices the cheap, strong and strong-only costs from the calls", async () => {
    const s = await setup(5);
    // The cheap judge is unsure (3) about q1 and q3 only; the strong judge answers 4.
    llm.script({ reply: (b) => (!isJudge(b) ? { content: `answer to ${question(b)}` } : b.model === "judge-strong" ? verdict(4) : verdict(["q1", "q3"].includes(question(b)) ? 3 : 5)) });
    const { items, pub } = await startAndRun(s, { evaluators: [{ type: "llm_judge", rubric: `Q: {{input}} A: {{output}}`, model: "judge-cheap", escalation: { model: "judge-strong", band: { min: 3, max: 3 } } }] });

    const judged = calls(isJudge);
    expect(judged.filter((r) => r.body!.model === "judge-cheap")).toHaveLength(5);
    expect(judged.filter((r) => r.body!.model === "judge-strong").map((r) => question(r.body!)).sort()).toEqual(["q1", "q3"]);
    expect(items.map((i) => (i.scores as Record<string, { score: number; details: { tiered: { tier: string; escalated: boolean; reason: string | null } } }>).llm_judge))
      .toEqual([5, 4, 5, 4, 5].map((score, i) => expect.objectContaining({ score, details: expect.objectContaining({ tiered: expect.objectContaining({ escalated: i % 2 === 1, tier: i % 2 ? "strong" : "cheap", reason: i % 2 ? "band" : null }) }) })));

    const cost = sum(judged.map((r) => priceOf(r)));
    // Strong-only: the strong calls as they were, the other items' cheap calls at the strong price.
    const strongOnly = sum(judged.filter((r) => r.body!.model === "judge-strong" || !["q1", "q3"].includes(question(r.body!))).map((r) => priceOf(r, "judge-strong")));
    const tiered = pub.summary.evaluators.llm_judge.tiered;
    expect(tiered).toMatchObject({ judged: 5, escalated: 2, escalationRate: 0.4 });
    expect(tiered.cost).toBeCloseTo(cost, 9);
    expect(tiered.strongOnlyCost).toBeCloseTo(strongOnly, 9);
    expect(tiered.costSaved).toBeCloseTo(strongOnly - cost, 9);
    expect(tiered.costSaved).toBeGreaterThan(0);

    // Each item's cost is its model call plus both tiers of its judge.
    for (const item of items) {
      const q = `q${item.position}`;
      const own = calls((b) => question(b) === q);
      expect(own).toHaveLength(item.position % 2 ? 3 : 2);
      expect(Number(item.cost)).toBeCloseTo(sum(own.map((r) => priceOf(r))), 9);
    }
  });

  it("disagreeing cheap samples escalate; a strong judge that answers malformed JSON twice is judge_error, never a pass", async () => {
    const s = await setup(3);
    let sample = 0;
    // q0: the cheap samples agree (5, 5); q1 and q2: they disagree. The strong judge is malformed on q2.
    const cheap = (b: FakeChatRequest) => (question(b) === "q0" ? verdict(5) : verdict(sample++ % 2 ? 2 : 4));
    llm.script({ reply: (b) => (!isJudge(b) ? { content: `answer to ${question(b)}` } : b.model === "judge-cheap" ? cheap(b) : question(b) === "q2" ? { content: "Looks good: 5/5" } : verdict(5)) });
    const { items, pub } = await startAndRun(s, { concurrency: 1, evaluators: [{ type: "llm_judge", rubric: "Q: {{input}} A: {{output}}", model: "judge-cheap", escalation: { model: "judge-strong", samples: 2, temperature: 0.9 } }] });

    const cheapCalls = calls((b) => b.model === "judge-cheap");
    expect(cheapCalls).toHaveLength(6);
    expect(cheapCalls.every((r) => r.body!.temperature === 0.9)).toBe(true);
    expect(items.map((i) => [i.status, i.passed])).toEqual([["done", true], ["done", true], ["judge_error", false]]);
    const q2 = (items[2]!.scores as Record<string, { status: string; reason: string; usage: { calls: number }; details: { tiered: Record<string, unknown> } }>).llm_judge!;
    expect(q2).toMatchObject({ status: "judge_error", usage: { calls: 4 }, details: { tiered: { tier: "strong", escalated: true, reason: "disagreement", strong: { model: "judge-strong", score: null } } } });
    expect(q2.reason).toMatch(/^judge error: the strong judge \(judge-strong\) answered twice without the required JSON/);
    expect(items[2]!.error).toBe(q2.reason);
    expect(pub.summary).toMatchObject({ judgeErrors: 1, evaluators: { llm_judge: { tiered: { judged: 3, escalated: 2 } } } });
  });
});

describe("self_consistency in a run", () => {
  const TOPICS = ["rivers", "mountains", "deserts", "oceans", "forests"];
  it("flags exactly the items whose answers change between samples; each item's cost is the sum of all its calls", async () => {
    const s = await setup(4);
    const counters = new Map<string, number>();
    // q0 and q1 answer the same at any temperature; q2 and q3 make something up anew at temperature 1.
    const reply = (b: FakeChatRequest): FakeReply => {
      const q = question(b);
      if (["q0", "q1"].includes(q) || b.temperature !== 1) return { content: `The answer to ${q} is forty-two, as the handbook says.` };
      const n = (counters.get(q) ?? 0) + 1;
      counters.set(q, n);
      return { content: `${TOPICS[n % TOPICS.length]} ${n * 7} ${q}` };
    };
    llm.script({ reply });
    const { items, pub } = await startAndRun(s, { evaluators: [{ type: "self_consistency", samples: 3, temperature: 1, threshold: 0.7 }] });

    type Sc = { status: string; score: number; details: { flagged: boolean; samples: string[] } };
    const sc = items.map((i) => (i.scores as Record<string, Sc>).self_consistency!);
    expect(sc.map((r) => r.details.flagged)).toEqual([false, false, true, true]);
    expect(items.map((i) => i.passed)).toEqual([true, true, false, false]);
    expect(sc[0]).toMatchObject({ status: "passed", score: 1 });
    expect(sc.every((r) => r.details.samples.length === 3)).toBe(true);
    expect(sc[2]!.details.samples[0]).toBe(items[2]!.output);
    expect(new Set(sc[2]!.details.samples).size).toBe(3);
    for (const item of items) {
      const own = calls((b) => question(b) === `q${item.position}`);
      expect(own.map((r) => r.body!.temperature)).toEqual([0.2, 1, 1]);
      expect(Number(item.cost)).toBeCloseTo(sum(own.map((r) => priceOf(r))), 9);
      expect(item.inputTokens).toBe(sum(own.map((r) => r.completion!.usage.prompt_tokens)));
      expect(item.outputTokens).toBe(sum(own.map((r) => r.completion!.usage.completion_tokens)));
    }
    // Only the item's own call is a trace; the re-asks are the evaluator's (counted in its usage).
    expect(await db.trace.count({ where: { projectId: s.t.project.id, environment: "experiment" } })).toBe(4);
    expect(pub.summary).toMatchObject({ passRate: 0.5, evaluators: { self_consistency: { flagged: 2, passRate: 0.5 } } });
  });

  it("is refused for supplied outputs with a 400 naming the field, and accepted by a prompt policy's run gate", async () => {
    const s = await setup(1);
    const res = await call(publicRunsRoute.POST, "POST", { authorization: s.auth, body: { dataset: "golden", outputs: [{ itemId: s.itemIds[0], output: "x" }], evaluators: [{ type: "json_valid" }, { type: "self_consistency" }] } });
    expect(res.status).toBe(400);
    expect(res.json.error.message).toMatch(/^body\.evaluators\.1\.type: self_consistency needs a prompt run/);
    expect(await db.run.count({ where: { projectId: s.t.project.id } })).toBe(0);
    const bad = await call(publicRunsRoute.POST, "POST", { authorization: s.auth, body: { dataset: "golden", prompt: { name: "qa" }, evaluators: [{ type: "self_consistency", samples: 20 }] } });
    expect(bad.json.error.message).toMatch(/^body\.evaluators\.0\.samples: /);

    await expect(checkRunGate({ projectId: s.t.project.id, gate: { dataset: "golden", evaluators: [{ type: "self_consistency", samples: 3 }], minPassRate: 0.8 } })).resolves.toBeUndefined();
    await expect(checkRunGate({ projectId: s.t.project.id, gate: { dataset: "golden", evaluators: [{ type: "self_consistency", similarity: "bleu" }], minPassRate: 0.8 } })).rejects.toThrow(/^body\.runGate\.evaluators\.0\.similarity: /);
    await expect(checkRunGate({ projectId: s.t.project.id, gate: { dataset: "golden", evaluators: [{ type: "llm_judge", rubric: "r", escalation: { model: "x" } }], minPassRate: 0.8 } })).rejects.toThrow(/^body\.runGate\.evaluators\.0\.escalation: give a band or samples/);
  });
});
