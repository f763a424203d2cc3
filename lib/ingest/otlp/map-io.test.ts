import { describe, expect, it } from "vitest";
import { mapped, START } from "./test-span";

describe("OTel GenAI (current semantic conventions)", () => {
  const attributes = {
    "gen_ai.operation.name": "chat",
    "gen_ai.provider.name": "openai",
    "gen_ai.request.model": "gpt-4o",
    "gen_ai.response.model": "gpt-4o-2024-08-06",
    "gen_ai.usage.input_tokens": 100,
    "gen_ai.usage.output_tokens": 20,
    "gen_ai.usage.cache_read.input_tokens": 64,
    "gen_ai.usage.reasoning.output_tokens": 8,
    "gen_ai.request.temperature": 0.7,
    "gen_ai.request.max_tokens": 256,
    "gen_ai.request.top_p": 0.9,
    "gen_ai.request.frequency_penalty": 0.1,
    "gen_ai.request.presence_penalty": 0.2,
    "gen_ai.request.stop_sequences": ["\n\n"],
    "gen_ai.request.seed": 42,
    "gen_ai.conversation.id": "conv-1",
    "gen_ai.response.finish_reasons": ["tool_calls"],
    "gen_ai.system_instructions": JSON.stringify([{ type: "text", content: "Be brief." }]),
    "gen_ai.input.messages": JSON.stringify([
      { role: "user", parts: [{ type: "text", content: "Weather in Paris?" }] },
      { role: "assistant", parts: [{ type: "tool_call", id: "call_1", name: "weather", arguments: { city: "Paris" } }] },
      { role: "tool", parts: [{ type: "tool_call_response", id: "call_1", response: "rainy" }] },
    ]),
    "gen_ai.output.messages": JSON.stringify([
      { role: "assistant", parts: [{ type: "text", content: "It is rainy." }], finish_reason: "stop" },
    ]),
  };

  it("maps model, provider, usage, parameters, session and kind", () => {
    const span = mapped(attributes);
    expect(span).toMatchObject({ kind: "llm", provider: "openai", model: "gpt-4o-2024-08-06", sessionId: "conv-1" });
    expect(span.usage).toEqual({ inputTokens: 100, outputTokens: 20, cachedInputTokens: 64, reasoningTokens: 8, totalTokens: 120 });
    expect(span.modelParameters).toEqual({
      temperature: 0.7,
      max_tokens: 256,
      top_p: 0.9,
      frequency_penalty: 0.1,
      presence_penalty: 0.2,
      stop_sequences: ["\n\n"],
      seed: 42,
    });
    expect(span.metadata).toEqual({
      "gen_ai.operation.name": "chat",
      "gen_ai.request.model": "gpt-4o",
      "gen_ai.response.finish_reasons": ["tool_calls"],
    });
  });

  it("parses messages, prepends system instructions and converts tool calls", () => {
    const span = mapped(attributes);
    expect(span.input).toEqual([
      { role: "system", content: "Be brief." },
      { role: "user", content: "Weather in Paris?" },
      { role: "assistant", content: null, toolCalls: [{ id: "call_1", type: "function", function: { name: "weather", arguments: { city: "Paris" } } }] },
      { role: "tool", content: "rainy", toolCallId: "call_1" },
    ]);
    expect(span.output).toEqual([{ role: "assistant", content: "It is rainy." }]);
  });

  it("accepts structured (non-string) message attributes and drops the request model when equal", () => {
    const span = mapped({
      "gen_ai.request.model": "m",
      "gen_ai.response.model": "m",
      "gen_ai.input.messages": [{ role: "user", parts: [{ type: "text", content: "hi" }] }],
    });
    expect(span.input).toEqual([{ role: "user", content: "hi" }]);
    expect(span.metadata).toEqual({});
  });

  it("maps operation names to kinds", () => {
    expect(mapped({ "gen_ai.operation.name": "embeddings" }).kind).toBe("embedding");
    expect(mapped({ "gen_ai.operation.name": "execute_tool" }).kind).toBe("tool");
    expect(mapped({ "gen_ai.operation.name": "invoke_agent", "gen_ai.request.model": "x" }).kind).toBe("agent");
    expect(mapped({ "gen_ai.operation.name": "create_agent" }).kind).toBe("agent");
    expect(mapped({ "gen_ai.operation.name": "text_completion" }).kind).toBe("llm");
  });
});

describe("OTel GenAI (legacy forms)", () => {
  it("maps gen_ai.system, prompt/completion token names and indexed prompt attributes", () => {
    const span = mapped({
      "gen_ai.system": "anthropic",
      "gen_ai.request.model": "claude-3-5-sonnet",
      "gen_ai.usage.prompt_tokens": "30",
      "gen_ai.usage.completion_tokens": 12,
      "gen_ai.prompt.0.role": "system",
      "gen_ai.prompt.0.content": "You are terse.",
      "gen_ai.prompt.1.role": "user",
      "gen_ai.prompt.1.content": "Add 2+2",
      "gen_ai.completion.0.role": "assistant",
      "gen_ai.completion.0.finish_reason": "tool_calls",
      "gen_ai.completion.0.tool_calls.0.id": "t1",
      "gen_ai.completion.0.tool_calls.0.name": "add",
      "gen_ai.completion.0.tool_calls.0.arguments": '{"a":2,"b":2}',
      "llm.request.type": "chat",
    });
    expect(span).toMatchObject({ provider: "anthropic", model: "claude-3-5-sonnet", kind: "llm" });
    expect(span.usage).toMatchObject({ inputTokens: 30, outputTokens: 12, totalTokens: 42 });
    expect(span.input).toEqual([
      { role: "system", content: "You are terse." },
      { role: "user", content: "Add 2+2" },
    ]);
    expect(span.output).toEqual([
      { role: "assistant", content: null, toolCalls: [{ id: "t1", type: "function", function: { name: "add", arguments: '{"a":2,"b":2}' } }] },
    ]);
    expect(span.metadata).toEqual({ "llm.request.type": "chat" });
  });

  it("orders indexed messages numerically (10 after 9)", () => {
    const attributes: Record<string, string> = {};
    for (let i = 0; i < 11; i++) attributes[`gen_ai.prompt.${i}.content`] = `m${i}`;
    const input = mapped(attributes).input as Array<{ content: string }>;
    expect(input.map((m) => m.content)).toEqual(Array.from({ length: 11 }, (_, i) => `m${i}`));
  });

  it("maps the event-based form", () => {
    const ev = (name: string, attributes: Record<string, string | number>) => ({ name, timeUnixNano: START + 1n, attributes });
    const span = mapped(
      { "gen_ai.request.model": "gpt-4o-mini" },
      {
        events: [
          ev("gen_ai.system.message", { content: "Be nice." }),
          ev("gen_ai.user.message", { "gen_ai.prompt": "Hello" }),
          ev("gen_ai.choice", { message: JSON.stringify({ role: "assistant", content: "Hi!" }), finish_reason: "stop", index: 0 }),
        ],
      },
    );
    expect(span.input).toEqual([
      { role: "system", content: "Be nice." },
      { role: "user", content: "Hello" },
    ]);
    expect(span.output).toEqual([{ role: "assistant", content: "Hi!" }]);
    expect(span.metadata.events).toBeUndefined();
  });

  it("maps gen_ai.content.prompt / gen_ai.content.completion events", () => {
    const span = mapped(
      {},
      {
        events: [
          { name: "gen_ai.content.prompt", timeUnixNano: START, attributes: { "gen_ai.prompt": '[{"role":"user","content":"Q"}]' } },
          { name: "gen_ai.content.completion", timeUnixNano: START, attributes: { "gen_ai.completion": '[{"role":"assistant","content":"A"}]' } },
        ],
      },
    );
    expect(span.input).toEqual([{ role: "user", content: "Q" }]);
    expect(span.output).toEqual([{ role: "assistant", content: "A" }]);
  });
});

describe("OpenInference", () => {
  it("maps an LLM span: messages, tool calls, token counts, parameters, identity and metadata", () => {
    const span = mapped({
      "openinference.span.kind": "LLM",
      "llm.model_name": "gpt-4o",
      "llm.provider": "openai",
      "llm.system": "openai",
      "llm.token_count.prompt": 50,
      "llm.token_count.completion": 10,
      "llm.token_count.total": 61,
      "llm.token_count.prompt_details.cache_read": 32,
      "llm.token_count.completion_details.reasoning": 4,
      "llm.invocation_parameters": '{"temperature":0,"max_tokens":100}',
      "llm.input_messages.0.message.role": "system",
      "llm.input_messages.0.message.content": "sys",
      "llm.input_messages.1.message.role": "user",
      "llm.input_messages.1.message.contents.0.message_content.type": "text",
      "llm.input_messages.1.message.contents.0.message_content.text": "What is this?",
      "llm.input_messages.1.message.contents.1.message_content.type": "image",
      "llm.input_messages.1.message.contents.1.message_content.image.image.url": "https://x/cat.png",
      "llm.output_messages.0.message.role": "assistant",
      "llm.output_messages.0.message.tool_calls.0.tool_call.id": "c1",
      "llm.output_messages.0.message.tool_calls.0.tool_call.function.name": "lookup",
      "llm.output_messages.0.message.tool_calls.0.tool_call.function.arguments": '{"q":"cat"}',
      "input.value": '{"messages":[]}',
      "input.mime_type": "application/json",
      "output.value": "raw",
      "session.id": "s-9",
      "user.id": "u-9",
      "tag.tags": ["oi"],
      metadata: '{"experiment":"A","user.id":"from-metadata"}',
      "llm.prompt_template.template": "Describe {x}",
      "llm.prompt_template.variables": '{"x":"cat"}',
    });
    expect(span).toMatchObject({ kind: "llm", model: "gpt-4o", provider: "openai", sessionId: "s-9", userId: "u-9", tags: ["oi"] });
    expect(span.usage).toEqual({ inputTokens: 50, outputTokens: 10, cachedInputTokens: 32, reasoningTokens: 4, totalTokens: 61 });
    expect(span.modelParameters).toEqual({ temperature: 0, max_tokens: 100 });
    expect(span.input).toEqual([
      { role: "system", content: "sys" },
      { role: "user", content: [{ type: "text", text: "What is this?" }, { type: "image", url: "https://x/cat.png" }] },
    ]);
    expect(span.output).toEqual([
      { role: "assistant", content: null, toolCalls: [{ id: "c1", type: "function", function: { name: "lookup", arguments: '{"q":"cat"}' } }] },
    ]);
    expect(span.metadata).toEqual({
      experiment: "A",
      "user.id": "from-metadata",
      "openinference.span.kind": "LLM",
      "llm.prompt_template.template": "Describe {x}",
      "llm.prompt_template.variables": '{"x":"cat"}',
    });
  });

  it("uses input.value / output.value when there are no messages, parsing JSON by mime type", () => {
    const span = mapped({
      "openinference.span.kind": "CHAIN",
      "input.value": '{"query":"q"}',
      "input.mime_type": "application/json",
      "output.value": "[not json",
      "output.mime_type": "text/plain",
    });
    expect(span).toMatchObject({ kind: "chain", input: { query: "q" }, output: "[not json" });
    expect(span.metadata).toEqual({ "openinference.span.kind": "CHAIN" });
  });

  it("maps span kinds, including RERANKER and EVALUATOR", () => {
    const kinds = { TOOL: "tool", RETRIEVER: "retriever", EMBEDDING: "embedding", GUARDRAIL: "guardrail", AGENT: "agent", RERANKER: "retriever", EVALUATOR: "chain" };
    for (const [oi, ours] of Object.entries(kinds)) expect(mapped({ "openinference.span.kind": oi }).kind).toBe(ours);
  });

  it("maps embeddings: model, texts as input, vectors to the span's embeddings (not metadata)", () => {
    const span = mapped({
      "openinference.span.kind": "EMBEDDING",
      "embedding.model_name": "text-embedding-3-small",
      "embedding.embeddings.0.embedding.text": "hello",
      "embedding.embeddings.0.embedding.vector": [0.1, 0.2],
      "embedding.embeddings.1.embedding.text": "world",
      "embedding.embeddings.1.embedding.vector": [0.3, 0.4],
    });
    expect(span).toMatchObject({ kind: "embedding", model: "text-embedding-3-small", input: ["hello", "world"] });
    expect(span.embeddings).toEqual([
      { field: "input", model: "text-embedding-3-small", vector: [0.1, 0.2] },
      { field: "input", model: "text-embedding-3-small", vector: [0.3, 0.4] },
    ]);
    expect(span.metadata.embeddings).toBeUndefined();
    expect(Object.keys(span.metadata).filter((k) => k.startsWith("embedding."))).toEqual([]);
  });

  it("maps retrieved documents to output", () => {
    const span = mapped({
      "openinference.span.kind": "RETRIEVER",
      "retrieval.documents.0.document.id": "d1",
      "retrieval.documents.0.document.content": "Paris is in France",
      "retrieval.documents.0.document.score": 0.9,
      "retrieval.documents.0.document.metadata": '{"source":"wiki"}',
    });
    expect(span.output).toEqual([{ id: "d1", content: "Paris is in France", score: 0.9, metadata: { source: "wiki" } }]);
  });
});

describe("input/output fallbacks", () => {
  it("keeps a gen_ai message attribute that is not a message list instead of dropping it", () => {
    const span = mapped({ "gen_ai.input.messages": "free-form prompt", "gen_ai.output.messages": '{"text":"x"}' });
    expect(span.input).toBe("free-form prompt");
    expect(span.output).toEqual({ text: "x" });
  });

  it("prefers messages over the raw input.value and does not duplicate the loser into metadata", () => {
    const span = mapped({ "gen_ai.prompt.0.content": "hi", "input.value": "hi (raw)", "traceloop.entity.input": "{}" });
    expect(span.input).toEqual([{ role: "user", content: "hi" }]);
    expect(span.metadata).toEqual({});
  });
});

describe("GenAI retrieval spans", () => {
  it("maps gen_ai.operation.name retrieval to a retriever with its query and documents", () => {
    const span = mapped({
      "gen_ai.operation.name": "retrieval",
      "gen_ai.retrieval.query.text": "refund window?",
      "gen_ai.retrieval.documents": JSON.stringify([{ id: "doc_1", score: 0.95, content: "Refunds within 7 days" }, { id: "doc_2", score: 0.5 }]),
    });
    expect(span).toMatchObject({ kind: "retriever", input: "refund window?" });
    expect(span.output).toEqual([{ id: "doc_1", score: 0.95, content: "Refunds within 7 days" }, { id: "doc_2", score: 0.5 }]);
    expect(span.metadata["gen_ai.retrieval.documents"]).toBeUndefined();
  });
});
