// POST /api/public/rag-evaluations: the RAG evaluators on one { question, contexts, answer }
// triple with a secret key, on the project's LLM connection (the fake provider over HTTP).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as connectionRoute from "@/app/api/public/llm-connections/[name]/route";
import * as ragEvaluationsRoute from "@/app/api/public/rag-evaluations/route";
import { createKey, createOrgAndProject } from "../factories";
import { type FakeLlm, startFakeLlm } from "../support/fake-llm";
import { fakeRagJudge, RAG_TASK } from "../support/fake-rag-judge";
import { call } from "../support/route";

let llm: FakeLlm;
beforeAll(async () => {
  llm = await startFakeLlm({ models: ["gpt-4o-mini"] });
});
afterAll(() => llm.close());
beforeEach(() => llm.reset());

async function setup(name: string, connect = true) {
  const t = await createOrgAndProject(name);
  const key = await createKey(t.project);
  const auth = `Bearer ${key.secretKey}`;
  if (connect) expect((await call(connectionRoute.PUT, "PUT", { authorization: auth, params: { name: "judge" }, body: { baseUrl: llm.url, apiKey: "sk-j-0000", models: ["gpt-4o-mini"] } })).status).toBe(201);
  return { ...t, auth, key };
}
const post = (auth: string, body: unknown) => call(ragEvaluationsRoute.POST, "POST", { authorization: auth, body });

const triple = {
  question: "How do refunds work?",
  contexts: [{ id: "kb-1", content: "Refunds are issued within 5 days of the request." }, "Refunds go back to the original card."],
  answer: "Refunds are issued within 5 days of the request. Refunds are doubled on Fridays.",
  expectedAnswer: "Refunds are issued within 5 days of the request",
};

describe("POST /api/public/rag-evaluations", () => {
  it("scores faithfulness, answer relevancy, conciseness and, with an expected answer, context precision and recall", async () => {
    const t = await setup("rag-api");
    llm.script({ when: { contains: "task: questions" }, reply: { content: JSON.stringify({ questions: [triple.question, triple.question, triple.question], noncommittal: false }) } });
    llm.script({ when: { contains: RAG_TASK }, reply: fakeRagJudge() });
    const res = await post(t.auth, triple);
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(Object.keys(res.json.results).sort()).toEqual(["answer_relevancy", "conciseness", "context_precision", "context_recall", "faithfulness"]);
    expect(res.json.results.faithfulness).toMatchObject({ type: "faithfulness", status: "failed", score: 0.5, details: { unsupportedSentences: [2] } });
    expect(res.json.results.answer_relevancy).toMatchObject({ score: 1 });
    expect(res.json.results.context_precision).toMatchObject({ score: 1 });
    expect(res.json.results.context_recall).toMatchObject({ score: 1 });
    expect(res.json).toMatchObject({ connection: "judge", model: "gpt-4o-mini", passed: false });
    expect(res.json.usage.calls).toBe(llm.chatRequests().length);
  });

  it("answers 400 naming the field for bad input, a missing connection or bad evaluator params; 'error' results for unusable model answers", async () => {
    const t = await setup("rag-api-bad");
    const noQuestion = await post(t.auth, { ...triple, question: "" });
    expect(noQuestion.status).toBe(400);
    expect(noQuestion.json.error.message).toMatch(/question/);
    const badContexts = await post(t.auth, { ...triple, contexts: [{ text: "x" }] });
    expect(badContexts.status).toBe(400);
    expect(badContexts.json.error.message).toMatch(/contexts/);
    const badType = await post(t.auth, { ...triple, evaluators: [{ type: "exact_match" }] });
    expect(badType.status).toBe(400);
    expect(badType.json.error.message).toMatch(/evaluators\.0\.type/);
    const badParam = await post(t.auth, { ...triple, evaluators: [{ type: "faithfulness", threshold: 7 }] });
    expect(badParam.status).toBe(400);
    expect(badParam.json.error.message).toMatch(/^body\.evaluators\.0\.threshold/);
    expect((await post(t.auth, { ...triple, connection: "nope" })).json.error.message).toMatch(/^body\.connection: LLM connection "nope" not found/);

    llm.script({ when: { contains: RAG_TASK }, reply: { content: "I think it is fine." } });
    const broken = await post(t.auth, { ...triple, evaluators: [{ type: "faithfulness" }] });
    expect(broken.status).toBe(200);
    expect(broken.json.results.faithfulness).toMatchObject({ status: "error", score: null, passed: false, details: { judgeError: true } });

    const none = await setup("rag-api-none", false);
    expect((await post(none.auth, triple)).json.error.message).toMatch(/^body\.connection: required/);
  });

  it("refuses a public key and another project's connection names", async () => {
    const a = await setup("rag-api-a");
    const b = await setup("rag-api-b", false);
    expect((await call(ragEvaluationsRoute.POST, "POST", { authorization: `Bearer ${a.key.publicKey}`, body: triple })).status).toBe(403);
    // B's key cannot use A's connection by name: it is not in B's project.
    expect((await post(b.auth, { ...triple, connection: "judge" })).json.error.message).toMatch(/not found/);
  });
});
