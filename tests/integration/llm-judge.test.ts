// The LLM judge against the fake provider over HTTP: strict JSON verdicts, one retry on a parse
// failure, "judge_error" (never a pass) after the second, every call counted and priced.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseEvaluatorSpec, runEvaluator } from "@/lib/evaluators/registry";
import type { EvalContext } from "@/lib/evaluators/types";
import { type FakeLlm, fakeTokens, startFakeLlm } from "../support/fake-llm";

let llm: FakeLlm;
beforeAll(async () => {
  llm = await startFakeLlm({ models: ["gpt-4o-mini"] });
});
afterAll(() => llm.close());
beforeEach(() => llm.reset());

const ctx = (): EvalContext => ({ judge: { endpoint: { baseUrl: llm.url, apiKey: "sk-judge" }, model: "gpt-4o-mini", retry: { maxAttempts: 2, baseDelayMs: 10 } } });
const judge = (extra: object = {}) => parseEvaluatorSpec({ type: "llm_judge", rubric: "Question: {{input}}\nAnswer: {{output}}\nReference: {{expected}}\nIs the answer correct?", ...extra });
const item = { input: "Capital of France?", output: "Paris", expectedOutput: "Paris" };

describe("llm_judge", () => {
  it("passes on a strict JSON score at or above the threshold, with the rubric filled in and the call priced", async () => {
    llm.script({ reply: { content: '{"score": 5, "reasoning": "Matches the reference."}' } });
    const r = await runEvaluator(judge(), item, ctx());
    expect(r).toMatchObject({ status: "passed", passed: true, score: 5, threshold: 4, reason: "Matches the reference.", details: { parseAttempts: 1 } });
    const sent = llm.chatRequests()[0]!.body!;
    expect(sent).toMatchObject({ model: "gpt-4o-mini", temperature: 0, response_format: { type: "json_object" } });
    expect(sent.messages![1]!.content).toBe("Question: Capital of France?\nAnswer: Paris\nReference: Paris\nIs the answer correct?");
    const output = fakeTokens('{"score": 5, "reasoning": "Matches the reference."}');
    expect(r.usage).toMatchObject({ calls: 1, outputTokens: output });
    expect(r.usage!.cost).toBeCloseTo((r.usage!.inputTokens * 0.15 + output * 0.6) / 1e6, 12);
  });

  it("fails a low score, and a pass_fail 'fail'", async () => {
    llm.script({ times: 1, reply: { content: '{"score": 2, "reasoning": "Wrong city."}' } });
    llm.script({ times: 1, reply: { content: '{"verdict": "fail", "reasoning": "Wrong city."}' } });
    expect(await runEvaluator(judge(), item, ctx())).toMatchObject({ status: "failed", passed: false, score: 2 });
    expect(await runEvaluator(judge({ scale: "pass_fail" }), item, ctx())).toMatchObject({ status: "failed", score: 0, threshold: 1 });
  });

  it("asks once more after an unparsable answer, naming the problem, and uses the second answer", async () => {
    llm.script({ times: 1, reply: { content: "The answer is correct. Score: 5" } });
    llm.script({ times: 1, reply: { content: '{"score": 4, "reasoning": "Correct."}' } });
    const r = await runEvaluator(judge(), item, ctx());
    expect(r).toMatchObject({ status: "passed", score: 4, details: { parseAttempts: 2 }, usage: { calls: 2 } });
    const retry = llm.chatRequests()[1]!.body!.messages!;
    expect(retry).toHaveLength(4);
    expect(retry[2]).toEqual({ role: "assistant", content: "The answer is correct. Score: 5" });
    expect(retry[3]!.content).toMatch(/^That answer could not be used \(not JSON: /);
  });

  it("marks the item judge_error after two malformed answers — never a silent pass", async () => {
    llm.script({ times: 1, reply: { content: '{"score": "five", "reasoning": "great"}' } });
    llm.script({ times: 1, reply: { rawBody: JSON.stringify({ choices: [{ message: { role: "assistant", content: "{oops" }, finish_reason: "stop" }], usage: { prompt_tokens: 10, completion_tokens: 2 } }) } });
    llm.script({ reply: { content: '{"score": 5, "reasoning": "would pass if asked a third time"}' } });
    const r = await runEvaluator(judge(), item, ctx());
    expect(r).toMatchObject({ status: "judge_error", passed: false, score: null, usage: { calls: 2 } });
    expect(r.reason).toMatch(/^judge error: the judge answered twice without the required JSON \(score: .*; then not JSON: /);
    expect(llm.chatRequests()).toHaveLength(2);
  });

  it("is an error, not a pass, when the provider keeps failing", async () => {
    llm.script({ reply: { status: 500 } });
    const r = await runEvaluator(judge(), item, ctx());
    expect(r).toMatchObject({ status: "error", passed: false, score: null });
    expect(r.reason).toMatch(/^judge call failed: .*answered 500.*gave up after 2 attempts/);
    expect(llm.chatRequests()).toHaveLength(2);
  });
});

describe("tiered llm_judge", () => {
  const tiered = (escalation: object = {}) => judge({ model: "gpt-4o-mini", escalation: { model: "gpt-4o", band: { min: 3, max: 3 }, ...escalation } });

  it("keeps a confident cheap verdict and prices it at the strong model for the strong-only estimate", async () => {
    llm.script({ reply: { content: '{"score": 5, "reasoning": "Right."}' } });
    const r = await runEvaluator(tiered(), item, ctx());
    expect(r).toMatchObject({ status: "passed", score: 5, usage: { calls: 1 }, details: { model: "gpt-4o-mini", tiered: { tier: "cheap", escalated: false, strong: null } } });
    const t = (r.details as { tiered: { strongOnlyCost: number } }).tiered;
    // gpt-4o costs 2.5/10 per million tokens against gpt-4o-mini's 0.15/0.6.
    expect(t.strongOnlyCost).toBeCloseTo((r.usage!.inputTokens * 2.5 + r.usage!.outputTokens * 10) / 1e6, 12);
    expect(llm.chatRequests()).toHaveLength(1);
  });

  it("a cheap judge that answers malformed JSON twice is judge_error, not escalated around", async () => {
    llm.script({ when: { model: "gpt-4o-mini" }, reply: { content: "Score: 3" } });
    const r = await runEvaluator(tiered(), item, ctx());
    expect(r).toMatchObject({ status: "judge_error", passed: false, usage: { calls: 2 }, details: { tiered: { tier: "cheap", escalated: false } } });
    expect(r.reason).toMatch(/^judge error: the cheap judge \(gpt-4o-mini\) answered twice/);
    expect(llm.chatRequests().map((q) => q.body!.model)).toEqual(["gpt-4o-mini", "gpt-4o-mini"]);
  });

  it("an escalated item whose strong judge keeps failing is an error with both tiers' usage", async () => {
    llm.script({ when: { model: "gpt-4o-mini" }, reply: { content: '{"score": 3, "reasoning": "Unsure."}' } });
    llm.script({ when: { model: "gpt-4o" }, reply: { status: 500 } });
    const r = await runEvaluator(tiered(), item, ctx());
    expect(r).toMatchObject({ status: "error", passed: false, score: null, usage: { calls: 1 }, details: { model: "gpt-4o", tiered: { tier: "strong", escalated: true, reason: "band", cheap: { scores: [3] } } } });
    expect(r.reason).toMatch(/^strong judge call failed \(escalated: the cheap score 3 is in the uncertain band 3\)/);
    expect(llm.chatRequests().filter((q) => q.body!.model === "gpt-4o")).toHaveLength(2);
  });
});
