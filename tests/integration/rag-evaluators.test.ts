// The RAG evaluators against the fake OpenAI-compatible provider over HTTP, with a deterministic
// judge (tests/support/fake-rag-judge.ts): scores equal hand-computed values, malformed JSON twice
// is an "error" (never a score), and the tiered mode escalates exactly the uncertain claims.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { cosine } from "@/lib/evaluators/embedding-similarity";
import { parseEvaluatorSpec, runEvaluator } from "@/lib/evaluators/registry";
import type { EvalContext } from "@/lib/evaluators/types";
import { type FakeLlm, fakeEmbedding, startFakeLlm } from "../support/fake-llm";
import { fakeRagJudge, RAG_TASK } from "../support/fake-rag-judge";

let llm: FakeLlm;
beforeAll(async () => {
  llm = await startFakeLlm({ models: ["cheap-model", "strong-model"] });
});
afterAll(() => llm.close());
beforeEach(() => llm.reset());

const ctx = (extra: Partial<EvalContext> = {}): EvalContext => ({ judge: { endpoint: { baseUrl: llm.url, apiKey: "sk-judge" }, model: "cheap-model", retry: { maxAttempts: 1 } }, ...extra });
const spec = (type: string, extra: object = {}) => parseEvaluatorSpec({ type, ...extra });
const bodiesOf = (task: string) => llm.chatRequests().filter((r) => String(r.body!.messages![0]!.content).includes(`task: ${task}`)).map((r) => r.body!);

const question = "How do refunds work?";
const contexts = [
  { id: "kb-1", content: "Refunds are issued within 5 days of the request. Refunds go back to the original card." },
  { id: "kb-2", content: "Shipping is free over $50." },
];
// 4 statements: 2 supported (sentence 1), 2 not (sentences 2 and 3).
const answer = "Refunds are issued within 5 days; refunds go back to the original card. Shipping is free worldwide. You also get a coupon.";

describe("faithfulness", () => {
  it("scores the share of supported statements (2 of 4 = 0.5) and keeps statements, verdicts, sentences and passages", async () => {
    llm.script({ when: { contains: RAG_TASK }, reply: fakeRagJudge() });
    const r = await runEvaluator(spec("faithfulness"), { input: { question }, output: answer, contexts }, ctx());
    expect(r).toMatchObject({ status: "failed", passed: false, score: 0.5, threshold: 0.8 });
    const d = r.details as { statements: Array<{ sentence: number; text: string; supported: boolean; tier: string; bestPassage: number }>; unsupportedSentences: number[]; sentences: string[]; passages: Array<{ id: string }> };
    expect(d.statements.map((s) => [s.sentence, s.text, s.supported])).toEqual([
      [1, "Refunds are issued within 5 days", true], [1, "refunds go back to the original card", true], [2, "Shipping is free worldwide", false], [3, "You also get a coupon", false],
    ]);
    expect(d.unsupportedSentences).toEqual([2, 3]);
    expect(d.sentences).toEqual(["Refunds are issued within 5 days; refunds go back to the original card.", "Shipping is free worldwide.", "You also get a coupon."]);
    expect(d.passages.map((p) => p.id)).toEqual(["kb-1", "kb-2"]);
    expect(d.statements[2]!.bestPassage).toBe(1);
    expect(r.reason).toBe('2 of 4 statements are supported by the context; unsupported: "Shipping is free worldwide"; "You also get a coupon"');
    expect(r.usage).toMatchObject({ calls: 2 });
    // The verdict prompt numbers the passages and statements.
    expect(bodiesOf("support")[0]!.messages![1]!.content).toContain("[P2] Shipping is free over $50.\nStatements:\n[S1] Refunds are issued within 5 days");
  });

  it("scores Korean answers the same way", async () => {
    llm.script({ when: { contains: RAG_TASK }, reply: fakeRagJudge() });
    const r = await runEvaluator(spec("faithfulness"), { input: "환불은 어떻게 하나요?", output: "환불은 5일 이내에 처리됩니다. 쿠폰도 드립니다.", contexts: ["환불은 5일 이내에 처리됩니다. 카드로 돌려받습니다."] }, ctx());
    expect(r).toMatchObject({ score: 0.5 });
    expect((r.details as { unsupportedSentences: number[] }).unsupportedSentences).toEqual([2]);
  });

  it("retries a malformed answer once and scores the second", async () => {
    llm.script({ times: 1, when: { contains: "task: support" }, reply: { content: "All supported!" } });
    llm.script({ when: { contains: RAG_TASK }, reply: fakeRagJudge() });
    const r = await runEvaluator(spec("faithfulness"), { input: question, output: answer, contexts }, ctx());
    expect(r).toMatchObject({ score: 0.5, usage: { calls: 3 } });
    const retry = bodiesOf("support")[1]!.messages!;
    expect(retry.at(-1)!.content).toMatch(/^That answer could not be used \(not JSON: /);
  });

  it("marks the evaluation error — never a score — when the model answers without the required JSON twice, at either step", async () => {
    llm.script({ times: 2, when: { contains: "task: statements" }, reply: { content: '{"statements": "all of them"}' } });
    const split = await runEvaluator(spec("faithfulness"), { input: question, output: answer, contexts }, ctx());
    expect(split).toMatchObject({ status: "error", passed: false, score: null, usage: { calls: 2 }, details: { judgeError: true } });
    expect(split.reason).toMatch(/^judge error: splitting the answer into statements — the model \(cheap-model\) answered twice without the required JSON \(statements: /);

    llm.reset();
    llm.script({ when: { contains: "task: statements" }, reply: fakeRagJudge() });
    // A verdict list that skips a statement is as unusable as broken JSON.
    llm.script({ times: 1, when: { contains: "task: support" }, reply: { content: JSON.stringify({ verdicts: [{ id: 1, verdict: "yes", reason: "ok" }] }) } });
    llm.script({ times: 1, when: { contains: "task: support" }, reply: { content: "{oops" } });
    const verdicts = await runEvaluator(spec("faithfulness"), { input: question, output: answer, contexts }, ctx());
    expect(verdicts).toMatchObject({ status: "error", score: null, usage: { calls: 3 } });
    expect(verdicts.reason).toMatch(/verdicts: no verdict for items 2, 3, 4; then not JSON/);
  });

  it("is an error with no context, and not applicable (null score) for an empty answer", async () => {
    expect(await runEvaluator(spec("faithfulness"), { input: question, output: answer, contexts: [] }, ctx())).toMatchObject({ status: "error", score: null });
    expect(await runEvaluator(spec("faithfulness"), { input: question, output: "  ", contexts }, ctx())).toMatchObject({ status: "passed", score: null });
    expect(await runEvaluator(spec("faithfulness"), { input: question, output: answer, contexts }, {})).toMatchObject({ status: "error", reason: "no judge connection configured for faithfulness" });
    expect(llm.chatRequests()).toHaveLength(0);
  });
});

describe("tiered RAG evaluators", () => {
  const tiered = { model: "cheap-model", escalation: { model: "strong-model" } };
  // Overlap with the passages: S1 1.0, S2 1.0, S3 ("Shipping is free worldwide") 2/3, S4 ("You also get a coupon") 0.
  it("escalates exactly the statements where the cheap verdict and the lexical overlap disagree", async () => {
    // The cheap model is wrong on three statements: S1 (says no, overlap 1 → uncertain), S4 (says yes,
    // overlap 0 → uncertain) and S3 (says yes, overlap 0.67: no signal either way → its verdict stands).
    llm.script({ when: { contains: RAG_TASK }, reply: fakeRagJudge({ lie: { model: "cheap-model", items: ["Refunds are issued within 5 days", "Shipping is free worldwide", "You also get a coupon"] } }) });
    const r = await runEvaluator(spec("faithfulness", tiered), { input: question, output: answer, contexts }, ctx());
    const strong = bodiesOf("support").filter((b) => b.model === "strong-model");
    expect(strong).toHaveLength(1);
    expect(strong[0]!.messages![1]!.content).toMatch(/Statements:\n\[S1\] Refunds are issued within 5 days\n\[S2\] You also get a coupon$/);
    const d = r.details as { statements: Array<{ supported: boolean; tier: string; escalated: string | null; overlap: number }>; tiered: Record<string, unknown> };
    expect(d.statements.map((s) => [s.tier, s.supported, s.escalated !== null])).toEqual([["strong", true, true], ["cheap", true, false], ["cheap", true, false], ["strong", false, true]]);
    expect(d.statements.map((s) => s.overlap)).toEqual([1, 1, 0.666667, 0]);
    // S1 yes, S2 yes, S3 yes (the cheap model's uncorrected mistake), S4 no.
    expect(r.score).toBe(0.75);
    expect(d.tiered).toMatchObject({ tier: "strong", escalated: true, claims: 4, escalatedClaims: 2, reason: "disagreement", cheap: { model: "cheap-model", usage: { calls: 2 } }, strong: { model: "strong-model", usage: { calls: 1 } } });
    expect(r.usage).toMatchObject({ calls: 3 });
  });

  it("does not call the strong model when the cheap pass is certain, and records what strong-only would have cost", async () => {
    llm.script({ when: { contains: RAG_TASK }, reply: fakeRagJudge() });
    // Priced by the connection's overrides ($ per million tokens): the cheap model at 1 / 2, the strong at 10 / 40.
    const effectiveFrom = new Date(Date.now() - 3_600_000);
    const overrides = [
      { id: "cheap", modelPattern: "cheap-model", inputPerMillion: 1, outputPerMillion: 2, effectiveFrom },
      { id: "strong", modelPattern: "strong-model", inputPerMillion: 10, outputPerMillion: 40, effectiveFrom },
    ];
    const base = ctx();
    const r = await runEvaluator(spec("faithfulness", tiered), { input: question, output: answer, contexts }, { ...base, judge: { ...base.judge!, overrides } });
    const calls = llm.chatRequests();
    expect(calls.filter((q) => q.body!.model === "strong-model")).toHaveLength(0);
    expect(calls).toHaveLength(2);
    expect(r).toMatchObject({ score: 0.5, details: { tiered: { escalated: false, escalatedClaims: 0, strong: null } } });
    const price = (inRate: number, outRate: number) => calls.reduce((n, q) => n + (q.completion!.usage.prompt_tokens * inRate + q.completion!.usage.completion_tokens * outRate) / 1e6, 0);
    expect(r.usage!.cost).toBeCloseTo(price(1, 2), 12);
    // The two cheap calls (statements, verdicts) at the strong model's price.
    expect((r.details as { tiered: { strongOnlyCost: number | null } }).tiered.strongOnlyCost).toBeCloseTo(price(10, 40), 12);
    expect(price(10, 40)).toBeGreaterThan(0);
  });

  it("escalates an answer relevancy score inside the band, and only then", async () => {
    const q = "How long do refunds take?";
    const k3 = (questions: string[]) => ({ content: JSON.stringify({ questions, noncommittal: false }) });
    // Cheap: one of three generated questions is the real one, two are unrelated → mean inside 0.3–0.9.
    llm.script({ when: { contains: "task: questions", model: "cheap-model" }, reply: k3([q, "Is shipping free?", "What colour is the sky?"]) });
    llm.script({ when: { contains: "task: questions", model: "strong-model" }, reply: k3([q, q, q]) });
    const band = { model: "cheap-model", escalation: { model: "strong-model", band: { min: 0.3, max: 0.9 } } };
    const embed = async (texts: string[]) => texts.map((t) => fakeEmbedding(t, 16));
    const r = await runEvaluator(spec("answer_relevancy", { ...band, embedder: "provider" }), { input: q, output: "Refunds take 5 days." }, ctx({ embed }));
    const s = (x: string) => Math.max(0, Math.round(cosine(fakeEmbedding(q, 16), fakeEmbedding(x, 16)) * 1e6) / 1e6);
    const cheapScore = Math.round(((1 + s("Is shipping free?") + s("What colour is the sky?")) / 3) * 1e6) / 1e6;
    expect(cheapScore).toBeGreaterThanOrEqual(0.3);
    expect(cheapScore).toBeLessThanOrEqual(0.9);
    expect(r).toMatchObject({ score: 1, details: { model: "strong-model", cheap: { score: cheapScore }, tiered: { escalated: true, reason: "band" } } });

    llm.reset();
    llm.script({ when: { contains: "task: questions" }, reply: k3([q, q, q]) });
    const certain = await runEvaluator(spec("answer_relevancy", { ...band, embedder: "provider" }), { input: q, output: "Refunds take 5 days." }, ctx({ embed }));
    expect(certain).toMatchObject({ score: 1, details: { tiered: { escalated: false } } });
    expect(llm.chatRequests().map((x) => x.body!.model)).toEqual(["cheap-model"]);
  });
});

describe("tiered context precision and conciseness", () => {
  const tiered = { model: "cheap-model", escalation: { model: "strong-model" } };
  const itemsOf = (content: string, header: string) => content.slice(content.indexOf(`${header}:\n`)).split("\n").slice(1).filter((l) => /^\[[SP]\d+\] /.test(l));

  it("context precision escalates exactly the passages where the cheap verdict and their coverage of the expected answer disagree", async () => {
    // Coverage of the expected answer's terms: P1 0 (cheap says useful → uncertain), P2 1 (cheap says not → uncertain),
    // P3 0.5 ("refunds", "days": no signal either way → the cheap model's wrong "useful" stands).
    const ctxs = ["Shipping is free over $50.", "Refunds take 5 days.", "Refunds are processed by the bank within days."];
    llm.script({ when: { contains: RAG_TASK }, reply: fakeRagJudge({ lie: { model: "cheap-model", items: ctxs } }) });
    const r = await runEvaluator(spec("context_precision", tiered), { input: "How long do refunds take?", output: "5 days", expectedOutput: "refunds take 5 days", contexts: ctxs }, ctx());
    const strong = bodiesOf("useful").filter((b) => b.model === "strong-model");
    expect(strong).toHaveLength(1);
    expect(itemsOf(String(strong[0]!.messages![1]!.content), "Passages")).toEqual([`[P1] ${ctxs[0]}`, `[P2] ${ctxs[1]}`]);
    const d = r.details as { verdicts: Array<{ useful: boolean; tier: string; escalated: string | null; overlap: number }>; tiered: Record<string, unknown> };
    expect(d.verdicts.map((v) => [v.tier, v.useful, v.escalated !== null, v.overlap])).toEqual([["strong", false, true, 0], ["strong", true, true, 1], ["cheap", true, false, 0.5]]);
    expect(r.score).toBe(Math.round(((1 / 2 + 2 / 3) / 2) * 1e6) / 1e6);
    expect(d.tiered).toMatchObject({ escalated: true, claims: 3, escalatedClaims: 2, cheap: { usage: { calls: 1 } }, strong: { usage: { calls: 1 } } });
  });

  it("conciseness escalates exactly the statements where the cheap verdict and their overlap with the question disagree", async () => {
    // Overlap with the question's terms: S1 1 (cheap says off the question → uncertain), S2 0 (cheap says it addresses it →
    // uncertain), S3 1/3 (no signal → the cheap model's wrong "off the question" stands).
    const statements = ["How long refunds take", "thanks for asking", "refunds arrive in days"];
    llm.script({ when: { contains: RAG_TASK }, reply: fakeRagJudge({ lie: { model: "cheap-model", items: statements } }) });
    const r = await runEvaluator(spec("conciseness", tiered), { input: "How long do refunds take?", output: `${statements.join("; ")}.` }, ctx());
    const strong = bodiesOf("addresses").filter((b) => b.model === "strong-model");
    expect(strong).toHaveLength(1);
    expect(itemsOf(String(strong[0]!.messages![1]!.content), "Statements")).toEqual([`[S1] ${statements[0]}`, `[S2] ${statements[1]}`]);
    const d = r.details as { statements: Array<{ addresses: boolean; tier: string; escalated: string | null }> };
    expect(d.statements.map((x) => [x.tier, x.addresses, x.escalated !== null])).toEqual([["strong", true, true], ["strong", false, true], ["cheap", false, false]]);
    expect(r.score).toBe(0.333333);
  });
});

describe("unusable model answers in context precision, context recall and conciseness", () => {
  it("marks each evaluation error — never a score — when the model answers without the required JSON twice", async () => {
    llm.script({ when: { contains: "task: statements" }, reply: fakeRagJudge() });
    llm.script({ when: { contains: "task: useful" }, reply: { content: "{not json" } });
    llm.script({ when: { contains: "task: support" }, reply: { content: JSON.stringify({ verdicts: "all supported" }) } });
    llm.script({ when: { contains: "task: addresses" }, reply: { content: "Yes, every statement does." } });
    const item = { input: question, output: answer, expectedOutput: "Refunds are issued within 5 days; refunds include the tax.", contexts };
    const results = {
      context_precision: await runEvaluator(spec("context_precision"), item, ctx()),
      context_recall: await runEvaluator(spec("context_recall"), item, ctx()),
      conciseness: await runEvaluator(spec("conciseness"), item, ctx()),
    };
    // One split (statements) where the evaluator has one, then the verdicts asked twice.
    expect(results.context_precision).toMatchObject({ status: "error", passed: false, score: null, usage: { calls: 2 } });
    expect(results.context_recall).toMatchObject({ status: "error", passed: false, score: null, usage: { calls: 3 } });
    expect(results.conciseness).toMatchObject({ status: "error", passed: false, score: null, usage: { calls: 3 } });
    for (const r of Object.values(results)) expect(r.reason).toMatch(/^judge error: .* answered twice without the required JSON/);
  });
});

describe("answer relevancy, context precision and recall, conciseness", () => {
  it("answer relevancy: mean similarity of the generated questions to the question; 0 for a noncommittal answer", async () => {
    const q = "환불은 얼마나 걸리나요?";
    llm.script({ times: 1, when: { contains: "task: questions" }, reply: { content: JSON.stringify({ questions: [q, q], noncommittal: false }) } });
    const same = await runEvaluator(spec("answer_relevancy", { k: 2 }), { input: q, output: "5일 걸립니다." }, ctx());
    expect(same).toMatchObject({ status: "passed", score: 1, details: { embedder: "offline", generated: [q, q], similarities: [1, 1] } });
    expect(bodiesOf("questions")[0]!.messages![0]!.content).toContain("Write 2 different questions");

    llm.script({ times: 1, when: { contains: "task: questions" }, reply: { content: JSON.stringify({ questions: [q, q], noncommittal: true }) } });
    expect(await runEvaluator(spec("answer_relevancy", { k: 2 }), { input: q, output: "잘 모르겠습니다." }, ctx())).toMatchObject({ status: "failed", score: 0, details: { noncommittal: true } });

    // Two answers with the wrong number of questions: an error, not a score.
    llm.script({ times: 2, when: { contains: "task: questions" }, reply: { content: JSON.stringify({ questions: [q], noncommittal: false }) } });
    expect(await runEvaluator(spec("answer_relevancy", { k: 2 }), { input: q, output: "5일." }, ctx())).toMatchObject({ status: "error", score: null, usage: { calls: 2 } });
  });

  it("context precision: mean precision@k over the useful ranks ((1/2 + 2/3) / 2 when ranks 2 and 3 are useful)", async () => {
    llm.script({ when: { contains: RAG_TASK }, reply: fakeRagJudge() });
    const ctxs = ["Shipping is free over $50.", "Refunds take 5 days.", "A refund takes 5 days to reach the card."];
    const r = await runEvaluator(spec("context_precision"), { input: "How long do refunds take?", output: "5 days", expectedOutput: "refunds take 5 days; takes 5 days to reach the card", contexts: ctxs }, ctx());
    expect(r.score).toBe(Math.round(((1 / 2 + 2 / 3) / 2) * 1e6) / 1e6);
    expect((r.details as { verdicts: Array<{ useful: boolean }> }).verdicts.map((v) => v.useful)).toEqual([false, true, true]);
    expect(await runEvaluator(spec("context_precision"), { input: "q", output: "a", contexts: ctxs }, ctx())).toMatchObject({ status: "error", reason: expect.stringMatching(/^no expected answer/) });
  });

  it("context recall: the share of the expected answer's statements the context supports (1 of 2)", async () => {
    llm.script({ when: { contains: RAG_TASK }, reply: fakeRagJudge() });
    const r = await runEvaluator(spec("context_recall"), { input: question, output: answer, expectedOutput: "Refunds are issued within 5 days; refunds include the tax.", contexts }, ctx());
    expect(r).toMatchObject({ score: 0.5, status: "failed" });
    expect((r.details as { statements: Array<{ text: string; covered: boolean }> }).statements).toMatchObject([{ text: "Refunds are issued within 5 days", covered: true }, { text: "refunds include the tax", covered: false }]);
  });

  it("conciseness: the share of statements that address the question (1 of 2)", async () => {
    llm.script({ when: { contains: RAG_TASK }, reply: fakeRagJudge() });
    const r = await runEvaluator(spec("conciseness"), { input: "How long do refunds take?", output: "Refunds take 5 days; thank you for asking." }, ctx());
    expect(r).toMatchObject({ score: 0.5 });
    expect((r.details as { statements: Array<{ addresses: boolean }> }).statements.map((s) => s.addresses)).toEqual([true, false]);
  });
});
