// The fake provider itself: deterministic answers, scripted failures in order, OpenAI shapes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeLlm, fakeTokens, startFakeLlm } from "./fake-llm";

let llm: FakeLlm;
beforeAll(async () => {
  llm = await startFakeLlm({ models: ["gpt-4o-mini", "judge"] });
});
afterAll(() => llm.close());

const chat = (content: string, model = "gpt-4o-mini") =>
  fetch(`${llm.url}/chat/completions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ model, messages: [{ role: "user", content }] }) });

describe("fake LLM provider", () => {
  it("answers the same request the same way, with usage computed from lengths", async () => {
    llm.reset();
    const [a, b] = await Promise.all([chat("hello there").then((r) => r.json()), chat("hello there").then((r) => r.json())]);
    expect(a).toEqual(b);
    expect(a.choices[0].message.content).toBe("echo: hello there");
    expect(a.usage).toEqual({ prompt_tokens: fakeTokens("hello there"), completion_tokens: fakeTokens("echo: hello there"), total_tokens: fakeTokens("hello there") + fakeTokens("echo: hello there") });
    expect(a.model).toBe("gpt-4o-mini");
  });

  it("plays scripted rules in order: a spent rule falls through to the next", async () => {
    llm.reset();
    llm.script({ times: 1, reply: { status: 429, retryAfter: 2 } });
    llm.script({ when: { contains: "capital" }, reply: { content: "Paris" } });
    llm.script({ when: { model: "judge" }, reply: { rawBody: "{not json" } });
    const first = await chat("capital of France?");
    expect(first.status).toBe(429);
    expect(first.headers.get("retry-after")).toBe("2");
    expect((await (await chat("capital of France?")).json()).choices[0].message.content).toBe("Paris");
    expect(await (await chat("anything", "judge")).text()).toBe("{not json");
    expect((await (await chat("other")).json()).choices[0].message.content).toBe("echo: other");
    expect(llm.chatRequests()).toHaveLength(4);
    // What each answered request got is recorded (errors and raw bodies have no completion).
    expect(llm.chatRequests().map((r) => r.completion?.content)).toEqual([undefined, "Paris", undefined, "echo: other"]);
    expect(llm.chatRequests()[1]!.completion!.usage).toEqual({ prompt_tokens: fakeTokens("capital of France?"), completion_tokens: fakeTokens("Paris") });
  });

  it("lists models, embeds deterministically and can answer slowly", async () => {
    llm.reset();
    expect((await (await fetch(`${llm.url}/models`)).json()).data.map((m: { id: string }) => m.id)).toEqual(["gpt-4o-mini", "judge"]);
    const embed = () => fetch(`${llm.url}/embeddings`, { method: "POST", body: JSON.stringify({ model: "e", input: ["a", "b"] }) }).then((r) => r.json());
    const [x, y] = [await embed(), await embed()];
    expect(x).toEqual(y);
    expect(x.data).toHaveLength(2);
    llm.script({ reply: { delayMs: 150, content: "late" } });
    const started = performance.now();
    await chat("slow");
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });
});
