import { describe, expect, it } from "vitest";
import { mapOtlpSpan } from "./map-span";
import { mapped, otlpSpan, SPAN, START, TRACE } from "./test-span";

const scope = { name: "", version: "" };

describe("mapOtlpSpan: validation", () => {
  const cases: Array<[string, Parameters<typeof otlpSpan>[1], RegExp]> = [
    ["missing spanId", { spanId: "" }, /span \(missing\): spanId/],
    ["short spanId", { spanId: "abc" }, /span "abc": spanId must be 16 hex/],
    ["all-zero spanId", { spanId: "0000000000000000" }, /spanId .*not all zeros/],
    ["missing traceId", { traceId: "" }, new RegExp(`span "${SPAN}": traceId \\(missing\\)`)],
    ["all-zero traceId", { traceId: "0".repeat(32) }, /traceId "0{32}" must be 32 hex/],
    ["non-hex traceId", { traceId: "z".repeat(32) }, /traceId/],
    ["zero start", { startTimeUnixNano: 0n, endTimeUnixNano: 5n }, /startTimeUnixNano is missing/],
    ["end before start", { endTimeUnixNano: START - 1n }, new RegExp(`span "${SPAN}": endTimeUnixNano is before`)],
  ];
  for (const [label, over, message] of cases) {
    it(`rejects ${label}`, () => {
      const result = mapOtlpSpan(otlpSpan({}, over), {}, scope);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(message);
    });
  }

  it("rejects a text field longer than the batch API accepts, naming it (a 10 KB model or session id cannot fit Postgres' btree entries)", () => {
    for (const [attributes, message] of [
      [{ "gen_ai.request.model": "m".repeat(10_400) }, /model is 10400 characters, at most 256/],
      [{ "session.id": "s".repeat(257) }, /sessionId is 257 characters, at most 256/],
      [{ "deployment.environment.name": "e".repeat(65) }, /environment is 65 characters, at most 64/],
      [{ "pharos.tags": ["ok", "t".repeat(65)] }, /a tag is 65 characters, at most 64/],
    ] as const) {
      const result = mapOtlpSpan(otlpSpan(attributes as Record<string, unknown> as never), {}, scope);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(new RegExp(`span "${SPAN}": ${message.source}`));
    }
    expect(mapOtlpSpan(otlpSpan({ "session.id": "s".repeat(256) }), {}, scope).ok).toBe(true);
  });

  it("accepts a zero-duration span and drops an invalid parent id", () => {
    const span = mapped({}, { endTimeUnixNano: START, parentSpanId: "00000000000000000" });
    expect(span.parentId).toBeNull();
    expect(span.endTime.getTime()).toBe(span.startTime.getTime());
  });
});

describe("mapOtlpSpan: basics", () => {
  it("maps ids, times and defaults; unclaimed attributes land in metadata", () => {
    const span = mapped(
      { "http.route": "/chat", count: 3 },
      { parentSpanId: "eee19b7ec3c1b173", name: "handle" },
      { "service.name": "api", "host.name": "box-1" },
      { name: "my-lib", version: "1.0.0" },
    );
    expect(span).toMatchObject({
      id: SPAN,
      traceId: TRACE,
      parentId: "eee19b7ec3c1b173",
      name: "handle",
      kind: "span",
      level: "DEFAULT",
      model: null,
      input: null,
      output: null,
      tags: [],
      traceName: null,
      ttftMs: null,
    });
    expect(span.startTime.toISOString()).toBe("2023-11-14T22:13:20.000Z");
    expect(span.endTime.getTime() - span.startTime.getTime()).toBe(2000);
    expect(span.usage).toEqual({ inputTokens: null, outputTokens: null, cachedInputTokens: null, reasoningTokens: null, totalTokens: null });
    // Only service.name is taken from the resource; host/process attributes would bloat every row.
    expect(span.metadata).toEqual({
      "http.route": "/chat",
      count: 3,
      "service.name": "api",
      "otel.scope.name": "my-lib",
      "otel.scope.version": "1.0.0",
    });
  });

  it("falls back to kind llm when a model is present", () => {
    expect(mapped({ "gen_ai.request.model": "gpt-4o" }).kind).toBe("llm");
  });

  it("takes environment and release from the resource, with span attributes winning", () => {
    const resource = { "deployment.environment": "staging", "service.version": "1.2.0" };
    expect(mapped({}, {}, resource)).toMatchObject({ environment: "staging", release: "1.2.0" });
    const span = mapped({ "deployment.environment.name": "prod", "service.version": "1.3.0" }, {}, resource);
    expect(span).toMatchObject({ environment: "prod", release: "1.3.0" });
    expect(span.metadata).not.toHaveProperty("service.version");
  });

  it("maps ERROR status and exception events", () => {
    const exception = {
      name: "exception",
      timeUnixNano: START + 1n,
      attributes: { "exception.type": "RateLimitError", "exception.message": "429 slow down", "exception.stacktrace": "at x" },
    };
    const withMessage = mapped({}, { status: { code: 2, message: "upstream failed" }, events: [exception] });
    expect(withMessage).toMatchObject({ level: "ERROR", statusMessage: "upstream failed" });
    expect(withMessage.metadata.exception).toEqual({ type: "RateLimitError", message: "429 slow down", stacktrace: "at x" });

    const withoutMessage = mapped({}, { status: { code: 2, message: "" }, events: [exception] });
    expect(withoutMessage.statusMessage).toBe("429 slow down");
    expect(mapped({}, { status: { code: 1, message: "" } }).level).toBe("DEFAULT");
  });

  it("keeps other events in metadata with ISO times, and metadata is JSON-safe", () => {
    const span = mapped({ big: "9007199254740993" }, { events: [{ name: "retry", timeUnixNano: START + 1_000_000n, attributes: { attempt: 2 } }] });
    expect(span.metadata.events).toEqual([{ name: "retry", time: "2023-11-14T22:13:20.001Z", attributes: { attempt: 2 } }]);
    expect(JSON.parse(JSON.stringify(span.metadata))).toEqual(span.metadata);
  });
});

describe("mapOtlpSpan: time to first token", () => {
  it("reads pharos.ttft_ms as milliseconds", () => {
    expect(mapped({ "pharos.ttft_ms": 321 }).ttftMs).toBe(321);
  });
  it("reads gen_ai.response.time_to_first_token as seconds", () => {
    expect(mapped({ "gen_ai.response.time_to_first_token": 0.25 }).ttftMs).toBe(250);
  });
  it("treats a value only plausible as milliseconds as milliseconds", () => {
    // 2 s span: 450 "seconds" is impossible, 450 ms is not.
    expect(mapped({ "llm.time_to_first_token": 450 }).ttftMs).toBe(450);
  });
  it("derives it from langfuse.observation.completion_start_time (JSON-quoted ISO)", () => {
    expect(mapped({ "langfuse.observation.completion_start_time": '"2023-11-14T22:13:20.750Z"' }).ttftMs).toBe(750);
  });
  it("derives it from the first first-token event", () => {
    const events = [
      { name: "gen_ai.content.completion.chunk", timeUnixNano: START + 900_000_000n, attributes: {} },
      { name: "gen_ai.content.completion.chunk", timeUnixNano: START + 120_500_000n, attributes: {} },
    ];
    const span = mapped({}, { events });
    expect(span.ttftMs).toBe(120.5);
    expect(span.metadata.events).toBeUndefined();
  });
});

describe("mapOtlpSpan: Langfuse attributes", () => {
  it("maps trace, observation and prompt fields", () => {
    const span = mapped({
      "langfuse.trace.name": "support-bot",
      "langfuse.user.id": "u-1",
      "langfuse.session.id": "s-1",
      "langfuse.prompt.name": "greeting",
      "langfuse.prompt.version": 4,
      "langfuse.environment": "prod",
      "langfuse.release": "r-9",
      "langfuse.trace.tags": ["vip", "beta"],
      "langfuse.tags": '["beta","eu"]',
      "langfuse.observation.type": "generation",
      "langfuse.observation.input": '{"question":"hi"}',
      "langfuse.observation.output": "hello there",
      "langfuse.observation.level": "WARNING",
      "langfuse.observation.status_message": "slow",
      "langfuse.observation.model.name": "claude-sonnet-4",
      "langfuse.observation.model.parameters": '{"temperature":0.2}',
      "langfuse.observation.usage_details": '{"input":10,"output":5}',
      "langfuse.trace.metadata.team": "growth",
    });
    expect(span).toMatchObject({
      traceName: "support-bot",
      userId: "u-1",
      sessionId: "s-1",
      promptName: "greeting",
      promptVersion: 4,
      environment: "prod",
      release: "r-9",
      tags: ["vip", "beta", "eu"],
      kind: "llm",
      input: { question: "hi" },
      output: "hello there",
      level: "WARNING",
      statusMessage: "slow",
      model: "claude-sonnet-4",
      modelParameters: { temperature: 0.2 },
    });
    expect(span.usage).toMatchObject({ inputTokens: 10, outputTokens: 5, totalTokens: 15 });
    expect(span.metadata).toEqual({ "langfuse.trace.metadata.team": "growth", "langfuse.observation.usage_details": '{"input":10,"output":5}' });
  });

  it("maps the other observation types and plain user.id / session.id", () => {
    expect(mapped({ "langfuse.observation.type": "event" }).kind).toBe("event");
    expect(mapped({ "langfuse.observation.type": "retriever" }).kind).toBe("retriever");
    expect(mapped({ "user.id": "u", "session.id": "s" })).toMatchObject({ userId: "u", sessionId: "s" });
  });
});

describe("mapOtlpSpan: pharos attributes", () => {
  it("maps every pharos.* key and wins over other conventions", () => {
    const span = mapped({
      "pharos.environment": "dev",
      "langfuse.environment": "prod",
      "pharos.release": "abc123",
      "pharos.prompt.name": "triage",
      "pharos.prompt.version": "7",
      "pharos.tags": "a, b,a,,c",
      "tag.tags": ["c", 5, "d"],
      "pharos.user.id": "user-p",
      "user.id": "user-other",
      "pharos.session.id": "sess-p",
      "pharos.kind": "tool",
      "gen_ai.operation.name": "chat",
      "pharos.ttft_ms": "88",
    });
    expect(span).toMatchObject({
      environment: "dev",
      release: "abc123",
      promptName: "triage",
      promptVersion: 7,
      tags: ["a", "b", "c", "d"],
      userId: "user-p",
      sessionId: "sess-p",
      kind: "tool",
      ttftMs: 88,
    });
    // Losers of a priority contest are the same fact and are not duplicated into metadata.
    expect(span.metadata).toEqual({ "gen_ai.operation.name": "chat" });
  });

  it("caps tags at 50", () => {
    const tags = Array.from({ length: 80 }, (_, i) => `t${i}`);
    const span = mapped({ "pharos.tags": tags });
    expect(span.tags).toHaveLength(50);
    expect(span.tags[49]).toBe("t49");
  });
});

describe("mapOtlpSpan: Traceloop attributes", () => {
  it("maps span kind and entity input/output; association properties stay in metadata", () => {
    const span = mapped({
      "traceloop.span.kind": "workflow",
      "traceloop.entity.name": "joke_creation",
      "traceloop.entity.input": '{"inputs":{"topic":"cats"}}',
      "traceloop.entity.output": '{"joke":"meow"}',
      "traceloop.association.properties.customer": "acme",
    });
    expect(span).toMatchObject({ kind: "chain", input: { inputs: { topic: "cats" } }, output: { joke: "meow" } });
    expect(span.metadata).toEqual({
      "traceloop.span.kind": "workflow",
      "traceloop.entity.name": "joke_creation",
      "traceloop.association.properties.customer": "acme",
    });
    expect(mapped({ "traceloop.span.kind": "task" }).kind).toBe("chain");
    expect(mapped({ "traceloop.span.kind": "tool" }).kind).toBe("tool");
  });
});
