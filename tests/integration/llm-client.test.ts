// The provider client against the fake provider over real HTTP: retries, Retry-After, timeouts,
// and cost from the same pricing code as ingest.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { chatCompletion } from "@/lib/llm/chat-completion";
import { LlmCallError } from "@/lib/llm/provider-http";
import { priceSpan } from "@/lib/pricing/price-span";
import { type FakeLlm, fakeTokens, startFakeLlm } from "../support/fake-llm";

let llm: FakeLlm;
beforeAll(async () => {
  llm = await startFakeLlm({ models: ["gpt-4o-mini"], apiKey: "sk-fake-123456" });
});
afterAll(() => llm.close());
beforeEach(() => llm.reset());

const endpoint = () => ({ baseUrl: llm.url, apiKey: "sk-fake-123456", headers: { "x-team": "evals" } });
const ask = (content: string, extra: Partial<Parameters<typeof chatCompletion>[0]> = {}) =>
  chatCompletion({ endpoint: endpoint(), request: { model: "gpt-4o-mini", messages: [{ role: "user", content }] }, retry: { baseDelayMs: 10 }, ...extra });

describe("chat completion client", () => {
  it("records latency, tokens and the ingest price of a known model", async () => {
    const result = await ask("What is the capital of France?");
    expect(result.content).toBe("echo: What is the capital of France?");
    const input = fakeTokens("What is the capital of France?");
    const output = fakeTokens(result.content);
    expect(result.usage).toMatchObject({ inputTokens: input, outputTokens: output, totalTokens: input + output });
    // gpt-4o-mini: $0.15 / M input tokens, $0.60 / M output tokens.
    expect(result.cost.priceSource).toMatch(/^genai-prices:openai\/gpt-4o-mini/);
    expect(result.cost.totalCost).toBeCloseTo((input * 0.15 + output * 0.6) / 1e6, 12);
    expect(result.cost).toEqual(priceSpan({ model: "gpt-4o-mini", provider: null, usage: result.usage, startTime: result.startedAt, input: null, output: null }));
    expect(result.attempts).toBe(1);
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    // The key and default headers reach the provider.
    const sent = llm.chatRequests()[0]!;
    expect(sent.headers.authorization).toBe("Bearer sk-fake-123456");
    expect(sent.headers["x-team"]).toBe("evals");
  });

  it("keeps the connection to the provider alive between calls (an evaluator makes several a second)", async () => {
    for (const q of ["one", "two", "three"]) await ask(q);
    const ports = llm.chatRequests().map((r) => r.remotePort);
    expect(ports).toHaveLength(3);
    expect(new Set(ports).size).toBe(1);
  });

  it("waits as long as a 429's Retry-After says before trying again", async () => {
    llm.script({ times: 1, reply: { status: 429, retryAfter: 1 } });
    const result = await ask("rate me");
    expect(result.content).toBe("echo: rate me");
    expect(result.attempts).toBe(2);
    const [first, second] = llm.chatRequests();
    // Backoff alone would have waited 10 ms; the provider asked for a second.
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(1000);
    expect(second!.at - first!.at).toBeLessThan(3000);
    expect(result.totalMs).toBeGreaterThanOrEqual(1000);
  });

  it("retries 500s with backoff and gives up after the last attempt with the reason", async () => {
    llm.script({ reply: { status: 500 } });
    const error = await ask("boom", { retry: { maxAttempts: 3, baseDelayMs: 10 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmCallError);
    expect(error).toMatchObject({ kind: "http", status: 500, attempts: 3 });
    expect((error as Error).message).toMatch(/answered 500: fake provider answered 500 \(gave up after 3 attempts\)/);
    expect(llm.chatRequests()).toHaveLength(3);
  });

  it("does not retry a client error, and never puts the key in the message", async () => {
    const error = await chatCompletion({ endpoint: { ...endpoint(), apiKey: "sk-wrong-key-999" }, request: { model: "gpt-4o-mini", messages: [{ role: "user", content: "x" }] } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "http", status: 401, attempts: 1 });
    expect((error as Error).message).not.toContain("sk-wrong-key-999");
    expect(llm.chatRequests()).toHaveLength(1);
  });

  it("times out each attempt of a slow provider", async () => {
    llm.script({ reply: { delayMs: 1000 } });
    const started = performance.now();
    const error = await ask("slow", { timeoutMs: 150, retry: { maxAttempts: 2, baseDelayMs: 10 } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "timeout", attempts: 2 });
    expect((error as Error).message).toMatch(/did not answer within 150 ms/);
    expect(performance.now() - started).toBeLessThan(900);
  });

  it("refuses a completion that is not JSON or has no choices", async () => {
    llm.script({ times: 1, reply: { rawBody: "{oops" } });
    llm.script({ times: 1, reply: { rawBody: JSON.stringify({ choices: [] }) } });
    await expect(ask("a")).rejects.toMatchObject({ kind: "malformed" });
    await expect(ask("b")).rejects.toThrow(/malformed: choices has no choices/);
  });
});
