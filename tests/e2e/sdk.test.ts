// The TypeScript SDK against a real Pharos: batching, retries through a faulty proxy,
// idempotent re-sends, sampling, observeOpenAI against a fake OpenAI-compatible server,
// and feedback with the public key. No mocks: every hop is real HTTP on 127.0.0.1.
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../scripts/lib/embedded-postgres";
import { createFeedbackClient } from "../../sdk/src/browser";
import { observeOpenAI, Pharos, type PharosError, type PharosOptions } from "../../sdk/src/index";
import { getJson } from "../support/http-session";
import { type PharosServer, startPharos } from "../support/pharos-server";
import { type FaultyProxy, FIRST_CHUNK_DELAY_MS, startFakeOpenAI, startProxy } from "../support/sdk-servers";

const SECRET = "sk-sdk-e2e-0123456789abcdef";
const PUBLIC = "pk-sdk-e2e-0123456789";

describe("@pharos/sdk → a running Pharos", () => {
  let server: PharosServer;
  let proxy: FaultyProxy;
  let fakeOpenAI: { url: string; close: () => Promise<void> };

  beforeAll(async () => {
    server = await startPharos({
      env: {
        PHAROS_INIT_ORG_NAME: "SDK org", PHAROS_INIT_PROJECT_NAME: "SDK project", PHAROS_INIT_USER_EMAIL: "sdk@example.test",
        PHAROS_INIT_USER_PASSWORD: "sdk-password-1", PHAROS_INIT_PROJECT_PUBLIC_KEY: PUBLIC, PHAROS_INIT_PROJECT_SECRET_KEY: SECRET,
      },
    });
    proxy = await startProxy(server.baseUrl);
    fakeOpenAI = await startFakeOpenAI();
  });
  afterAll(async () => {
    await proxy?.close();
    await fakeOpenAI?.close();
    await server?.stop();
  });

  const errors: PharosError[] = [];
  const client = (options: Partial<PharosOptions> = {}) => {
    proxy.reset();
    errors.length = 0;
    return new Pharos({ baseUrl: proxy.url, secretKey: SECRET, publicKey: PUBLIC, flushIntervalMs: 60_000, onError: (e) => errors.push(e), ...options });
  };
  const getTrace = (id: string) => getJson(server.baseUrl, `/api/public/traces/${id}`, { authorization: `Bearer ${SECRET}` });
  const ingestPosts = () => proxy.posts.filter((p) => p.path === "/api/public/ingest");

  it("batches 120 events into ≥ 3 requests and stores them all with parents intact", async () => {
    const pharos = client({ flushAt: 50 });
    const trace = pharos.trace({ name: "batching", userId: "u-batch", tags: ["sdk"] });
    const root = trace.span({ name: "root", input: { q: "many children" } });
    const children = Array.from({ length: 117 }, (_, i) => root.span({ name: `child-${i}`, kind: "tool" }));
    const grandchild = children[0]!.generation({ name: "leaf", model: "gpt-4o-mini" });
    grandchild.end({ output: "leaf done", usage: { input: 10, output: 5 } });
    for (const c of children) c.end({ output: c.id });
    root.end({ output: "all done" });
    await pharos.shutdown();

    expect(errors).toEqual([]);
    expect(ingestPosts().length).toBeGreaterThanOrEqual(3);
    const sent = ingestPosts().flatMap((p) => (JSON.parse(p.body) as { batch: unknown[] }).batch);
    expect(sent).toHaveLength(120);
    const res = await getTrace(trace.id);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: trace.id, name: "batching", userId: "u-batch", spanCount: 119 });
    const byId = new Map<string, { parentId: string | null; name: string }>(res.json.spans.map((s: { id: string }) => [s.id, s]));
    expect(byId.get(root.id)).toMatchObject({ parentId: null, name: "root" });
    for (const c of children) expect(byId.get(c.id)?.parentId).toBe(root.id);
    expect(byId.get(grandchild.id)).toMatchObject({ parentId: children[0]!.id, name: "leaf" });
  });

  it("retries through 503s (honouring Retry-After) and stores everything exactly once", async () => {
    const pharos = client({ flushAt: 100 });
    proxy.fail503 = 2;
    proxy.retryAfter = "1";
    const trace = pharos.trace({ name: "retry-503" });
    const spans = Array.from({ length: 5 }, (_, i) => trace.span({ name: `s${i}` }));
    for (const s of spans) s.end();
    trace.score({ name: "quality", value: 0.9, comment: "after retries" });
    const started = Date.now();
    await pharos.flush();

    expect(errors).toEqual([]);
    expect(ingestPosts()).toHaveLength(3);
    expect(proxy.forwarded).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900); // two Retry-After: 1 waits
    const res = await getTrace(trace.id);
    expect(res.json.spanCount).toBe(5);
    expect(res.json.spans).toHaveLength(5);
    expect(res.json.scores).toHaveLength(1);
    expect(res.json.scores[0]).toMatchObject({ name: "quality", value: 0.9, comment: "after retries" });
    await pharos.shutdown();
  });

  it("re-sends the same event ids when a response is lost, and the server stores each span once", async () => {
    const pharos = client({ flushAt: 100 });
    proxy.dropAfterForward = 1;
    const trace = pharos.trace({ name: "lost-response" });
    const parent = trace.span({ name: "parent" });
    for (let i = 0; i < 4; i++) parent.generation({ name: `gen-${i}`, model: "gpt-4o-mini" }).end({ usage: { input: 100, output: 20 } });
    parent.end();
    trace.score({ name: "once", value: true });
    await pharos.flush();

    expect(errors).toEqual([]);
    const posts = ingestPosts();
    expect(posts).toHaveLength(2);
    expect(proxy.forwarded).toBe(2);
    expect(posts[1]!.body).toBe(posts[0]!.body); // same batch, same event ids
    const res = await getTrace(trace.id);
    expect(res.json.spanCount).toBe(5);
    expect(res.json.llmCount).toBe(4);
    expect(res.json.spans).toHaveLength(5);
    expect(res.json.scores).toHaveLength(1);
    expect(res.json.usage).toEqual({ inputTokens: 400, outputTokens: 80 });
    await pharos.shutdown();
  });

  it("sends events created right before shutdown() by the time it resolves", async () => {
    const pharos = client({ flushAt: 1000, flushIntervalMs: 60_000 });
    const trace = pharos.trace({ name: "shutdown", sessionId: "sess-shutdown" });
    trace.span({ name: "last words" }).end({ output: "bye" });
    trace.update({ output: "finished" });
    expect(ingestPosts()).toHaveLength(0);
    await pharos.shutdown();

    expect(pharos.queuedEvents).toBe(0);
    const res = await getTrace(trace.id);
    expect(res.json).toMatchObject({ name: "shutdown", sessionId: "sess-shutdown", output: "finished", spanCount: 1 });
  });

  it("never throws into user code: closed port, bad options and bad inputs go to onError", async () => {
    const closedPort = await freePort();
    const down: PharosError[] = [];
    const offline = new Pharos({ baseUrl: `http://127.0.0.1:${closedPort}`, secretKey: SECRET, maxRetries: 1, onError: (e) => down.push(e) });
    const t = offline.trace({ name: "nowhere" });
    t.span({ name: "lost" }).end();
    await expect(offline.flush()).resolves.toBeUndefined();
    await expect(offline.feedback({ traceId: t.id, value: "up" })).resolves.toMatchObject({ ok: false });
    await offline.shutdown();
    expect(down.map((e) => e.code)).toContain("network");
    expect(down.some((e) => /dropped 2 events after 2 attempts/.test(e.message))).toBe(true);
    expect(down.every((e) => !e.message.includes(SECRET))).toBe(true);

    const config: PharosError[] = [];
    const broken = new Pharos({ onError: (e: PharosError) => config.push(e) } as unknown as PharosOptions);
    expect(() => broken.trace({ name: "x" }).span({ name: "y" }).end()).not.toThrow();
    await expect(broken.shutdown()).resolves.toBeUndefined();
    expect(config.map((e) => e.code)).toEqual(["config", "config"]);

    const pharos = client({ flushAt: 100 });
    const loop: Record<string, unknown> = { a: 1 };
    loop.self = loop;
    const trace = pharos.trace(null as unknown as { name: string });
    expect(() => {
      trace.span(undefined as unknown as { name: string }).end(); // no name: the server refuses this one event
      const ok = trace.span({ name: "circular", input: loop });
      ok.end();
      ok.end(); // twice
      trace.score({ name: "nan", value: Number.NaN });
      trace.event(42 as unknown as { name: string });
      pharos.score(undefined as unknown as { traceId: string; name: string; value: number });
    }).not.toThrow();
    await expect(pharos.feedback(null as unknown as { traceId: string; value: "up" })).resolves.toMatchObject({ ok: false });
    await pharos.flush();
    const codes = errors.map((e) => e.code);
    expect(codes).toEqual(expect.arrayContaining(["serialize", "invalid", "rejected", "internal"]));
    const rejected = errors.filter((e) => e.code === "rejected").flatMap((e) => e.eventIds ?? []);
    expect(rejected).toHaveLength(3); // nameless span, NaN score, nameless event
    const res = await getTrace(trace.id);
    const circular = res.json.spans.find((s: { name: string }) => s.name === "circular");
    expect(circular.input).toEqual({ a: 1, self: "[Circular]" });
    await pharos.shutdown();
  });

  it("samples whole traces: rate 0 sends nothing, 1 everything, and a trace is never split", async () => {
    const none = client({ sampleRate: 0 });
    const dropped = none.trace({ name: "sampled-out" });
    dropped.span({ name: "a" }).end();
    dropped.score({ name: "s", value: 1 });
    await none.shutdown();
    expect(dropped.sampled).toBe(false);
    expect(ingestPosts()).toHaveLength(0);
    expect((await getTrace(dropped.id)).status).toBe(404);

    const all = client({ sampleRate: 1 });
    const kept = all.trace({ name: "sampled-in" });
    kept.span({ name: "a" }).end();
    await all.shutdown();
    expect((await getTrace(kept.id)).json.spanCount).toBe(1);

    const half = client({ sampleRate: 0.5, flushAt: 500 });
    const traces = Array.from({ length: 40 }, (_, i) => {
      const t = half.trace({ name: `half-${i}` });
      const root = t.span({ name: "root" });
      root.span({ name: "child-1" }).end();
      root.generation({ name: "child-2", model: "gpt-4o-mini" }).end();
      root.end();
      return t;
    });
    await half.shutdown();
    const stored = await Promise.all(traces.map(async (t) => ({ sampled: t.sampled, res: await getTrace(t.id) })));
    for (const { sampled, res } of stored) {
      if (sampled) expect(res.json.spanCount).toBe(3);
      else expect(res.status).toBe(404);
    }
    const keptCount = stored.filter((s) => s.sampled).length;
    expect(keptCount).toBeGreaterThan(0);
    expect(keptCount).toBeLessThan(40);
  });

  it("observeOpenAI records non-streaming, streaming, abandoned and failing chat completions", async () => {
    const pharos = client({ flushAt: 100 });
    const trace = pharos.trace({ name: "openai" });
    const base = new OpenAI({ baseURL: `${fakeOpenAI.url}/v1`, apiKey: "test", maxRetries: 0 });
    // One wrapper per call, each naming its generation, so the test can find them without relying on timing.
    const openai = (generationName: string): OpenAI => observeOpenAI(base, { pharos, parent: trace, generationName, promptName: "support-answer", promptVersion: 3 });
    const messages = [{ role: "user" as const, content: "How do I get a refund?" }];

    const plain = await openai("plain").chat.completions.create({ model: "gpt-4o-mini", messages, temperature: 0.2, max_completion_tokens: 256 });
    expect(plain.choices[0]!.message.content).toBe("Refunds are under Settings → Billing.");

    const { data, response } = await openai("with-response").chat.completions.create({ model: "gpt-4o-mini", messages }).withResponse();
    expect(response.status).toBe(200);
    expect(data.usage?.total_tokens).toBe(1500);

    const raw = await openai("as-response").chat.completions.create({ model: "gpt-4o-mini", messages }).asResponse(); // body left unread for the caller
    expect(((await raw.json()) as { model: string }).model).toBe("gpt-4o-mini-2024-07-18");

    const stream = await openai("streaming").chat.completions.create({ model: "gpt-4o-mini", messages, stream: true, stream_options: { include_usage: true }, top_p: 0.9 });
    const received: OpenAI.Chat.ChatCompletionChunk[] = [];
    for await (const c of stream) received.push(c);
    expect(received.map((c) => c.choices[0]?.delta.content ?? "").join("")).toBe("Refunds are under Settings → Billing.");
    expect(received.at(-1)?.usage?.completion_tokens).toBe(12);

    const abandoned = await openai("abandoned").chat.completions.create({ model: "gpt-4o-mini", messages, stream: true });
    for await (const c of abandoned) if (c.choices[0]?.delta.content) break;

    const failure = await openai("failing").chat.completions.create({ model: "no-such-model", messages }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(OpenAI.BadRequestError);
    expect((failure as InstanceType<typeof OpenAI.APIError>).status).toBe(400);

    await pharos.shutdown();
    expect(errors).toEqual([]);
    const res = await getTrace(trace.id);
    expect(res.json.spans).toHaveLength(6);
    const gen = (name: string) => res.json.spans.find((s: { name: string }) => s.name === name);
    const [nonStreaming, withResponse, rawResponse, streaming, early, failed] = ["plain", "with-response", "as-response", "streaming", "abandoned", "failing"].map(gen);

    expect(nonStreaming).toMatchObject({
      kind: "llm", model: "gpt-4o-mini-2024-07-18", provider: "openai", promptName: "support-answer", promptVersion: 3, level: "DEFAULT",
      modelParameters: { temperature: 0.2, max_completion_tokens: 256 }, input: messages,
      output: { role: "assistant", content: "Refunds are under Settings → Billing." },
      usage: { inputTokens: 1200, outputTokens: 300, cachedInputTokens: 200, reasoningTokens: 40, totalTokens: 1500 },
    });
    expect(nonStreaming.cost.total).toBeGreaterThan(0);
    expect(nonStreaming.ttftMs).toBeNull();
    expect(withResponse.usage).toMatchObject({ inputTokens: 1200, outputTokens: 300 });
    expect(rawResponse).toMatchObject({ model: "gpt-4o-mini", level: "DEFAULT", output: null });

    expect(streaming).toMatchObject({
      model: "gpt-4o-mini-2024-07-18", modelParameters: { top_p: 0.9, stream: true },
      output: { role: "assistant", content: "Refunds are under Settings → Billing." }, usage: { inputTokens: 900, outputTokens: 12, totalTokens: 912 },
    });
    expect(streaming.cost.total).toBeGreaterThan(0);
    expect(streaming.ttftMs).toBeGreaterThanOrEqual(FIRST_CHUNK_DELAY_MS - 20);
    expect(streaming.latencyMs).toBeGreaterThanOrEqual(streaming.ttftMs);

    expect(early.output).toEqual({ role: "assistant", content: "Refunds are " });
    expect(early.statusMessage).toMatch(/closed by the caller/);
    expect(early.ttftMs).toBeGreaterThanOrEqual(FIRST_CHUNK_DELAY_MS - 20);

    expect(failed).toMatchObject({ model: "no-such-model", level: "ERROR" });
    expect(failed.statusMessage).toMatch(/no-such-model/);
    expect(res.json.errorCount).toBe(1);
  });

  it("records feedback sent with the public key as a user_feedback score", async () => {
    const pharos = client();
    const trace = pharos.trace({ name: "feedback" });
    const answer = trace.generation({ name: "answer", model: "gpt-4o-mini" });
    answer.end({ output: "42" });
    await pharos.flush();

    await expect(pharos.feedback({ traceId: trace.id, value: "up", comment: "helpful" })).resolves.toMatchObject({ ok: true });
    const browser = createFeedbackClient({ baseUrl: proxy.url, publicKey: PUBLIC });
    await expect(browser.send({ traceId: trace.id, spanId: answer.id, value: "down" })).resolves.toMatchObject({ ok: true });
    await pharos.shutdown();

    const feedbackPosts = proxy.posts.filter((p) => p.path === "/api/public/feedback");
    expect(feedbackPosts.map((p) => p.authorization)).toEqual([`Bearer ${PUBLIC}`, `Bearer ${PUBLIC}`]);
    expect(errors).toEqual([]);
    const res = await getTrace(trace.id);
    const scores = [...res.json.scores].sort((a: { value: boolean }, b: { value: boolean }) => Number(b.value) - Number(a.value));
    expect(scores).toMatchObject([
      { name: "user_feedback", source: "user_feedback", value: true, comment: "helpful", spanId: null },
      { name: "user_feedback", source: "user_feedback", value: false, spanId: answer.id },
    ]);
  });
});
