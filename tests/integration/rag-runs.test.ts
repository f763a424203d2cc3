// RAG quality in regression runs against real Postgres and the fake provider: golden items carry
// contexts (imported, promoted from a RAG trace), a prompt run scores faithfulness, answer
// relevancy, context precision, context recall and conciseness on them, and the approval gate
// can require faithfulness ≥ 0.9 with no drop greater than 0.03 (blocking below the minimum, on the
// drop alone, and letting a faithful version through). Tiered runs total their escalation rates and
// costs, priced by project overrides so each expected cost is arithmetic on the fake's token counts.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as exportRoute from "@/app/api/projects/[projectId]/datasets/[datasetId]/export/route";
import * as promoteRoute from "@/app/api/projects/[projectId]/datasets/promote/route";
import * as connectionsRoute from "@/app/api/projects/[projectId]/llm-connections/route";
import * as ingestSettingsRoute from "@/app/api/projects/[projectId]/settings/ingest/route";
import * as ingestRoute from "@/app/api/public/ingest/route";
import * as publicRunRoute from "@/app/api/public/runs/[runId]/route";
import * as publicRunsRoute from "@/app/api/public/runs/route";
import * as publicItemsRoute from "@/app/api/public/datasets/[name]/items/route";
import { db } from "@/lib/db";
import { executeRun } from "@/lib/runs/execute-run";
import { addMember, createKey, createOrgAndProject } from "../factories";
import { createDataset, importFile, listItems } from "../support/datasets";
import { type FakeLlm, messageText, type RecordedRequest, startFakeLlm } from "../support/fake-llm";
import { fakeRagJudge, RAG_TASK } from "../support/fake-rag-judge";
import { merge, promptWithVersions, propose, review, setPolicy } from "../support/prompts";
import { ragTraceEvents } from "../support/rag-traces";
import { call } from "../support/route";
import { seedPrompt } from "../support/prompt-rows";

let llm: FakeLlm;
beforeAll(async () => {
  llm = await startFakeLlm({ models: ["gpt-4o-mini", "gpt-4o"] });
});
afterAll(() => llm.close());
beforeEach(() => llm.reset());

const limits = { timeoutMs: 5_000, retry: { maxAttempts: 2, baseDelayMs: 10 } };
const refundDocs = ["Refunds are issued within 5 days of the request.", "Refunds go back to the original card."];
const shippingDocs = ["Shipping is free over $50.", "Orders ship within 2 days."];

async function setup(name: string) {
  const t = await createOrgAndProject(name);
  const key = await createKey(t.project);
  const conn = await call(connectionsRoute.POST, "POST", { params: { projectId: t.project.id }, cookie: t.owner.cookie, body: { name: "fake", baseUrl: llm.url, apiKey: "sk-rag-0000", models: ["gpt-4o-mini", "gpt-4o"] } });
  expect(conn.status, JSON.stringify(conn.json)).toBe(201);
  return { t, auth: `Bearer ${key.secretKey}` };
}

describe("golden items with contexts", () => {
  it("imports contexts from JSONL and CSV (a bad one is a 400 naming the line), promotes them from a RAG trace, and exports them", async () => {
    const { t, auth } = await setup("rag-items");
    const ds = await createDataset(t, "rag-golden");
    const jsonl = [
      JSON.stringify({ input: { question: "How do refunds work?" }, expected_output: "Refunds are issued within 5 days", contexts: refundDocs }),
      JSON.stringify({ input: "Is shipping free?", contexts: [{ id: "kb-9", content: shippingDocs[0], score: 0.8 }] }),
    ].join("\n");
    expect((await importFile(t, ds.id, "jsonl", jsonl)).status).toBe(201);
    const bad = await importFile(t, ds.id, "jsonl", `${JSON.stringify({ input: "x", contexts: [{ text: "no content key" }] })}\n`);
    expect(bad.status).toBe(400);
    expect(bad.json.error.details[0]).toMatchObject({ line: 1, message: expect.stringMatching(/contexts/) });
    const csv = `input,expected_output,metadata,contexts\nWhere is my order?,,,"[""Orders ship within 2 days.""]"\n`;
    const csvRes = await importFile(t, ds.id, "csv", csv);
    expect(csvRes.status, JSON.stringify(csvRes.json)).toBe(201);

    // A RAG trace promoted: its retrieved documents become the item's contexts.
    const rag = ragTraceEvents({ question: "How long do refunds take?", answer: "5 days.", documents: [{ id: "kb-1", content: refundDocs[0]!, score: 0.9 }, { id: "kb-2", content: refundDocs[1]!, score: 0.7 }] });
    expect((await call(ingestRoute.POST, "POST", { authorization: auth, body: { batch: rag.events } })).status).toBe(207);
    const promoted = await call(promoteRoute.POST, "POST", { params: { projectId: t.project.id }, cookie: t.owner.cookie, body: { datasetId: ds.id, traceId: rag.traceId, spanId: rag.ids.llm, expectedOutput: "Refunds are issued within 5 days" } });
    expect(promoted.status, JSON.stringify(promoted.json)).toBe(201);
    expect(promoted.json.item.contexts).toEqual([{ id: "kb-1", content: refundDocs[0], score: 0.9 }, { id: "kb-2", content: refundDocs[1], score: 0.7 }]);

    // The public API takes them too; a bad one stores nothing.
    expect((await call(publicItemsRoute.POST, "POST", { authorization: auth, params: { name: "rag-golden" }, body: { items: [{ input: "q", contexts: "not a list" }] } })).status).toBe(400);
    expect((await call(publicItemsRoute.POST, "POST", { authorization: auth, params: { name: "rag-golden" }, body: { items: [{ input: "q", contexts: ["p"] }] } })).status).toBe(201);

    const items = (await listItems(t, ds.id)).json.items as Array<{ contexts: unknown }>;
    expect(items.map((i) => i.contexts)).toEqual([refundDocs, [{ id: "kb-9", content: shippingDocs[0], score: 0.8 }], ["Orders ship within 2 days."], promoted.json.item.contexts, ["p"]]);
    const exported = await exportRoute.GET(new Request(`http://localhost/x?format=jsonl`, { headers: { cookie: t.owner.cookie } }), { params: Promise.resolve({ projectId: t.project.id, datasetId: ds.id }) });
    const lines = (await exported.text()).trim().split("\n").map((l) => JSON.parse(l) as { contexts?: unknown });
    expect(lines.map((l) => l.contexts)).toEqual(items.map((i) => i.contexts));
  });
});

describe("a prompt run scored with the RAG evaluators", () => {
  it("fills the prompt's contexts variable, scores all of them per item, and totals their means and tiering", async () => {
    const { t, auth } = await setup("rag-run");
    const ds = await createDataset(t, "rag-golden");
    await importFile(t, ds.id, "jsonl", [
      JSON.stringify({ input: { question: "How do refunds work?" }, expected_output: "Refunds are issued within 5 days", contexts: refundDocs }),
      JSON.stringify({ input: { question: "Is shipping free?" }, expected_output: "Shipping is free over $50", contexts: shippingDocs }),
    ].join("\n"));
    await seedPrompt({ projectId: t.project.id, name: "rag", versions: ["Context:\n{{contexts}}\n\nQuestion: {{question}}"], config: { model: "gpt-4o-mini" } });
    llm.script({ when: { contains: RAG_TASK }, reply: (b) => (messageText(b.messages).includes("task: questions") ? { content: JSON.stringify({ questions: ["How do refunds work?"], noncommittal: false }) } : fakeRagJudge()(b)) });
    // The system under test: refunds answered from the context; shipping with one unsupported sentence.
    llm.script({ when: { contains: "Question: How do refunds work?" }, reply: { content: "Refunds are issued within 5 days of the request. Refunds go back to the original card." } });
    llm.script({ when: { contains: "Question: Is shipping free?" }, reply: { content: "Shipping is free over $50. Shipping is free worldwide on Sundays." } });

    const evaluators = [
      { type: "faithfulness", escalation: { model: "gpt-4o-mini" } }, { type: "answer_relevancy", k: 1 }, { type: "context_precision" }, { type: "context_recall" }, { type: "conciseness" },
    ];
    const res = await call(publicRunsRoute.POST, "POST", { authorization: auth, body: { dataset: "rag-golden", prompt: { name: "rag", version: 1 }, evaluators, minPassRate: 0 } });
    expect(res.status, JSON.stringify(res.json)).toBe(202);
    expect(await executeRun({ projectId: t.project.id, runId: res.json.id, limits })).toEqual({ status: "succeeded" });

    const sut = llm.chatRequests().find((r) => messageText(r.body!.messages).includes("Question: How do refunds work?"))!;
    expect(messageText(sut.body!.messages)).toContain(`Context:\n[1] ${refundDocs[0]}\n\n[2] ${refundDocs[1]}`);
    const items = await db.runItem.findMany({ where: { projectId: t.project.id, runId: res.json.id }, orderBy: { position: "asc" } });
    const score = (i: number, k: string) => (items[i]!.scores as Record<string, { score: number | null; status: string }>)[k]!;
    // Refunds: 2 of 2 statements supported; shipping: 1 of 2.
    expect([score(0, "faithfulness").score, score(1, "faithfulness").score]).toEqual([1, 0.5]);
    expect(score(0, "answer_relevancy").score).toBe(1);
    // Each expected answer is in the first of its two passages: precision 1 (the useful one ranks first), recall 1.
    expect([score(0, "context_precision").score, score(0, "context_recall").score]).toEqual([1, 1]);
    expect([score(1, "context_precision").score, score(1, "context_recall").score]).toEqual([1, 1]);
    // Conciseness: every statement shares a 4+ letter word with its question ("refunds", "shipping", "free").
    expect([score(0, "conciseness").score, score(1, "conciseness").score]).toEqual([1, 1]);
    const run = await db.run.findUniqueOrThrow({ where: { projectId_id: { projectId: t.project.id, id: res.json.id } } });
    const summary = run.summary as { evaluators: Record<string, { mean: number; tiered?: { judged: number; claims?: { judged: number } } }> };
    expect(summary.evaluators.faithfulness).toMatchObject({ mean: 0.75, tiered: { judged: 2, claims: { judged: 4 } } });
    expect(Object.keys(summary.evaluators).sort()).toEqual(["answer_relevancy", "conciseness", "context_precision", "context_recall", "faithfulness"]);
  });
});

describe("a tiered faithfulness run: escalation rate and cost", () => {
  /** $ per million tokens (input, output), as the project's price overrides: each expected cost is arithmetic on the fake's token counts. */
  const PRICES: Record<string, [number, number]> = { "gpt-4o-mini": [0.15, 0.6], "gpt-4o": [2.5, 10] };
  const priceOf = (r: RecordedRequest, asModel?: string) => {
    const [inRate, outRate] = PRICES[asModel ?? r.body!.model!]!;
    return (r.completion!.usage.prompt_tokens * inRate + r.completion!.usage.completion_tokens * outRate) / 1e6;
  };
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

  it("sends exactly the uncertain statement to the strong model, and totals the escalation rates, the cost and the strong-only cost from the calls", async () => {
    const { t, auth } = await setup("rag-run-tiered");
    const effectiveFrom = new Date(Date.now() - 3_600_000).toISOString();
    const priceOverrides = Object.entries(PRICES).map(([model, [inputPerMillion, outputPerMillion]]) => ({ id: model, modelPattern: model, inputPerMillion, outputPerMillion, effectiveFrom }));
    expect((await call(ingestSettingsRoute.PUT, "PUT", { params: { projectId: t.project.id }, cookie: t.owner.cookie, body: { priceOverrides } })).status).toBe(200);
    const ds = await createDataset(t, "rag-golden");
    await importFile(t, ds.id, "jsonl", [
      JSON.stringify({ input: { question: "How do refunds work?" }, contexts: refundDocs }),
      JSON.stringify({ input: { question: "Is shipping free?" }, contexts: shippingDocs }),
    ].join("\n"));
    await seedPrompt({ projectId: t.project.id, name: "rag", versions: ["Context:\n{{contexts}}\n\nQuestion: {{question}}"], config: { model: "gpt-4o-mini" } });
    // The cheap model wrongly rejects one verbatim statement (overlap 1 with a passage: uncertain); the strong model decides it.
    llm.script({ when: { contains: RAG_TASK }, reply: fakeRagJudge({ lie: { model: "gpt-4o-mini", items: ["Refunds go back to the original card"] } }) });
    llm.script({ when: { contains: "Question: How do refunds work?" }, reply: { content: "Refunds are issued within 5 days of the request. Refunds go back to the original card." } });
    // "Shipping is free worldwide on Sundays": half its terms in a passage, no signal either way: the cheap "no" stands.
    llm.script({ when: { contains: "Question: Is shipping free?" }, reply: { content: "Shipping is free over $50. Shipping is free worldwide on Sundays." } });

    const evaluators = [{ type: "faithfulness", model: "gpt-4o-mini", escalation: { model: "gpt-4o" } }];
    const res = await call(publicRunsRoute.POST, "POST", { authorization: auth, body: { dataset: "rag-golden", prompt: { name: "rag", version: 1 }, evaluators, minPassRate: 0 } });
    expect(res.status, JSON.stringify(res.json)).toBe(202);
    expect(await executeRun({ projectId: t.project.id, runId: res.json.id, limits })).toEqual({ status: "succeeded" });

    const judged = llm.chatRequests().filter((r) => messageText(r.body!.messages).includes(RAG_TASK));
    const strong = judged.filter((r) => r.body!.model === "gpt-4o");
    expect(strong).toHaveLength(1);
    expect(messageText(strong[0]!.body!.messages)).toMatch(/Statements:\n\[S1\] Refunds go back to the original card$/);
    // Per item: statements and verdicts on the cheap model; the refunds item also one strong call.
    expect(judged.filter((r) => r.body!.model === "gpt-4o-mini")).toHaveLength(4);
    const pub = await call(publicRunRoute.GET, "GET", { authorization: auth, params: { runId: res.json.id } });
    const summary = pub.json.summary.evaluators.faithfulness;
    // Refunds 2 of 2 (after the strong verdict), shipping 1 of 2.
    expect(summary.mean).toBe(0.75);
    // One of two items escalated; one of four statements.
    expect(summary.tiered).toMatchObject({ judged: 2, escalated: 1, escalationRate: 0.5, claims: { judged: 4, escalated: 1, escalationRate: 0.25 } });
    const cost = sum(judged.map((r) => priceOf(r)));
    // Strong only: the cheap calls as the strong model would have been paid for them.
    const strongOnly = sum(judged.filter((r) => r.body!.model === "gpt-4o-mini").map((r) => priceOf(r, "gpt-4o")));
    expect(cost).toBeGreaterThan(0);
    expect(summary.tiered.cost).toBeCloseTo(cost, 9);
    expect(summary.tiered.strongOnlyCost).toBeCloseTo(strongOnly, 9);
    expect(summary.tiered.costSaved).toBeCloseTo(strongOnly - cost, 9);
  });
});

describe("self_consistency over golden items with contexts", () => {
  it("re-asks the system under test with the item's contexts in the prompt, as its own call had them", async () => {
    const { t, auth } = await setup("rag-self-consistency");
    const ds = await createDataset(t, "rag-golden");
    await importFile(t, ds.id, "jsonl", `${JSON.stringify({ input: { question: "How do refunds work?" }, contexts: refundDocs })}\n`);
    await seedPrompt({ projectId: t.project.id, name: "rag", versions: ["Context:\n{{contexts}}\n\nQuestion: {{question}}"], config: { model: "gpt-4o-mini" } });
    // The subject answers from the passages when the prompt carries them, and cannot without.
    llm.script({
      when: { contains: "Question: How do refunds work?" },
      reply: (b) => ({ content: messageText(b.messages).includes(refundDocs[0]!) ? "Refunds are issued within 5 days of the request." : "I cannot tell from what I was given." }),
    });
    const evaluators = [{ type: "self_consistency", samples: 3, similarity: "token" }];
    const res = await call(publicRunsRoute.POST, "POST", { authorization: auth, body: { dataset: "rag-golden", prompt: { name: "rag", version: 1 }, evaluators, minPassRate: 0 } });
    expect(res.status, JSON.stringify(res.json)).toBe(202);
    expect(await executeRun({ projectId: t.project.id, runId: res.json.id, limits })).toEqual({ status: "succeeded" });

    // The item's call and the two re-asked samples: every one with the numbered passages.
    const calls = llm.chatRequests().filter((r) => messageText(r.body!.messages).includes("Question: How do refunds work?"));
    expect(calls).toHaveLength(3);
    for (const c of calls) expect(messageText(c.body!.messages)).toContain(`Context:\n[1] ${refundDocs[0]}\n\n[2] ${refundDocs[1]}`);
    const [item] = await db.runItem.findMany({ where: { projectId: t.project.id, runId: res.json.id } });
    const score = (item!.scores as Record<string, { score: number | null; details: { samples: string[] } }>).self_consistency!;
    expect(score.details.samples).toEqual(Array(3).fill("Refunds are issued within 5 days of the request."));
    expect(score.score).toBe(1);
  });
});

describe("the approval gate on faithfulness", () => {
  it("blocks a version whose faithfulness mean falls below 0.9 or drops more than 0.03, and refuses a requirement on an evaluator the gate does not run", async () => {
    const { t } = await setup("rag-gate");
    const admin = await addMember(t, "admin");
    const engineer = await addMember(t, "engineer");
    const ds = await createDataset(t, "golden");
    await importFile(t, ds.id, "jsonl", [0, 1].map((i) => JSON.stringify({ input: { question: `q${i}` }, contexts: refundDocs })).join("\n"));
    const promptId = await promptWithVersions(t, engineer, "qa", 2);
    const first = (await propose(t, engineer, promptId, "production", 1)).json.changeRequest.id;
    await review(t, admin, promptId, first, "approve");
    expect((await merge(t, engineer, promptId, first)).status).toBe(200);

    llm.script({ when: { contains: RAG_TASK }, reply: fakeRagJudge() });
    // v1 answers from the context; v2 adds a sentence the context does not support.
    llm.script({ when: { contains: "v1: q" }, reply: { content: "Refunds are issued within 5 days of the request." } });
    llm.script({ when: { contains: "v2: q" }, reply: { content: "Refunds are issued within 5 days of the request. Refunds are doubled on Fridays." } });
    const gate = { dataset: "golden", connection: "fake", evaluators: [{ type: "faithfulness" }], minPassRate: 0, scoreGates: [{ evaluator: "faithfulness", min: 0.9, maxDrop: 0.03 }] };
    const wrongKey = await setPolicy(t, promptId, { label: "production", requiredApprovals: 1, requirePassingRun: true, runGate: { ...gate, scoreGates: [{ evaluator: "answer_relevancy", min: 0.5 }] } });
    expect(wrongKey.status).toBe(400);
    expect(wrongKey.json.error.message).toMatch(/^body\.runGate\.scoreGates\.0\.evaluator: "answer_relevancy" is not one of this gate's evaluators/);
    expect((await setPolicy(t, promptId, { label: "production", requiredApprovals: 1, requirePassingRun: true, runGate: gate })).status).toBe(200);

    const id = (await propose(t, engineer, promptId, "production", 2)).json.changeRequest.id as string;
    await review(t, admin, promptId, id, "approve");
    const row = await db.promptChangeRequest.findUniqueOrThrow({ where: { projectId_id: { projectId: t.project.id, id } } });
    await executeRun({ projectId: t.project.id, runId: row.gateRunId!, limits });
    await executeRun({ projectId: t.project.id, runId: row.gateBaselineRunId!, limits });
    const blocked = await merge(t, engineer, promptId, id);
    expect(blocked.status).toBe(409);
    expect(blocked.json.error.message).toContain("gate: faithfulness mean 0.500 is below the required 0.9");
    expect(blocked.json.error.message).toContain("gate: faithfulness mean dropped 0.500 against the baseline (1.000 → 0.500; at most 0.03 allowed)");
  });

  /**
   * A prompt "qa" whose v1 is on production, a policy gating production on faithfulness ≥ 0.9
   * with no drop over 0.03, and golden items q0…q<n-1> on `contexts`; `mergeV2` proposes v2,
   * approves it, runs the gate run and its baseline (v1), and asks to merge.
   */
  async function gatedPrompt(name: string, questions: number, contexts: string[]) {
    const { t } = await setup(name);
    const admin = await addMember(t, "admin");
    const engineer = await addMember(t, "engineer");
    const ds = await createDataset(t, "golden");
    await importFile(t, ds.id, "jsonl", Array.from({ length: questions }, (_, i) => JSON.stringify({ input: { question: `q${i}` }, contexts })).join("\n"));
    const promptId = await promptWithVersions(t, engineer, "qa", 2);
    const first = (await propose(t, engineer, promptId, "production", 1)).json.changeRequest.id;
    await review(t, admin, promptId, first, "approve");
    expect((await merge(t, engineer, promptId, first)).status).toBe(200);
    const gate = { dataset: "golden", connection: "fake", evaluators: [{ type: "faithfulness" }], minPassRate: 0, scoreGates: [{ evaluator: "faithfulness", min: 0.9, maxDrop: 0.03 }] };
    expect((await setPolicy(t, promptId, { label: "production", requiredApprovals: 1, requirePassingRun: true, runGate: gate })).status).toBe(200);
    const label = async () => (await db.promptLabel.findUniqueOrThrow({ where: { projectId_promptId_label: { projectId: t.project.id, promptId, label: "production" } } })).version;
    const mergeV2 = async () => {
      const id = (await propose(t, engineer, promptId, "production", 2)).json.changeRequest.id as string;
      await review(t, admin, promptId, id, "approve");
      const row = await db.promptChangeRequest.findUniqueOrThrow({ where: { projectId_id: { projectId: t.project.id, id } } });
      await executeRun({ projectId: t.project.id, runId: row.gateRunId!, limits });
      await executeRun({ projectId: t.project.id, runId: row.gateBaselineRunId!, limits });
      const means = async (runId: string) => ((await db.run.findUniqueOrThrow({ where: { projectId_id: { projectId: t.project.id, id: runId } } })).summary as { evaluators: Record<string, { mean: number }> }).evaluators.faithfulness!.mean;
      return { res: await merge(t, engineer, promptId, id), candidate: await means(row.gateRunId!), baseline: await means(row.gateBaselineRunId!) };
    };
    return { label, mergeV2 };
  }

  it("lets a faithful version through: the merge is allowed and the label moves", async () => {
    const g = await gatedPrompt("rag-gate-pass", 2, refundDocs);
    llm.script({ when: { contains: RAG_TASK }, reply: fakeRagJudge() });
    llm.script({ when: { contains: "v1: q" }, reply: { content: "Refunds are issued within 5 days of the request." } });
    llm.script({ when: { contains: "v2: q" }, reply: { content: "Refunds are issued within 5 days of the request. Refunds go back to the original card." } });
    const { res, candidate, baseline } = await g.mergeV2();
    expect([baseline, candidate]).toEqual([1, 1]);
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(await g.label()).toBe(2);
  });

  it("blocks a version still above 0.9 on the drop rule alone (0.950 → 0.909 with at most 0.03)", async () => {
    // Ten facts in one passage; each "; "-part of an answer is one statement, supported when the passage has it.
    const facts = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliett"];
    const g = await gatedPrompt("rag-gate-drop", 2, [`${facts.join(" ")}.`]);
    const answer = (parts: string[]) => ({ content: `${parts.join("; ")}.` });
    llm.script({ when: { contains: RAG_TASK }, reply: fakeRagJudge() });
    // v1: q0 10 of 10, q1 9 of 10 → mean 0.95. v2: q0 10 of 10, q1 9 of 11 → mean 0.909.
    llm.script({ when: { contains: "v1: q0" }, reply: answer(facts) });
    llm.script({ when: { contains: "v1: q1" }, reply: answer([...facts.slice(0, 9), "zulu"]) });
    llm.script({ when: { contains: "v2: q0" }, reply: answer(facts) });
    llm.script({ when: { contains: "v2: q1" }, reply: answer([...facts.slice(0, 9), "zulu", "yankee"]) });
    const { res, candidate, baseline } = await g.mergeV2();
    expect(baseline).toBe(0.95);
    expect(candidate).toBeCloseTo((1 + 9 / 11) / 2, 6);
    expect(res.status).toBe(409);
    expect(res.json.error.message).toContain("gate: faithfulness mean dropped 0.041 against the baseline (0.950 → 0.909; at most 0.03 allowed)");
    expect(res.json.error.message).not.toContain("below the required");
    expect(await g.label()).toBe(1);
  });
});
