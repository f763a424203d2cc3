/** Scalar NormalizedSpan fields that several conventions can each supply, in priority order. */
import { SPAN_KINDS, SPAN_LEVELS, type SpanKind, type SpanLevel, type Usage } from "../types";
import { type AttrBag, asCount, asNumber, asRecord, asString, parseJsonish } from "./attr-bag";
import type { OtlpEvent } from "./otlp-types";

// Maps rather than object literals: a value like "constructor" must not hit Object.prototype.
const OPENINFERENCE_KINDS = new Map<string, SpanKind>([
  ["LLM", "llm"], ["CHAIN", "chain"], ["TOOL", "tool"], ["RETRIEVER", "retriever"], ["EMBEDDING", "embedding"],
  ["GUARDRAIL", "guardrail"], ["AGENT", "agent"], ["RERANKER", "retriever"], ["EVALUATOR", "chain"],
]);
const GENAI_OPERATIONS = new Map<string, SpanKind>([
  ["chat", "llm"], ["text_completion", "llm"], ["generate_content", "llm"], ["embeddings", "embedding"],
  ["execute_tool", "tool"], ["invoke_agent", "agent"], ["create_agent", "agent"], ["retrieval", "retriever"],
]);
const TRACELOOP_KINDS = new Map<string, SpanKind>([
  ["workflow", "chain"], ["task", "chain"], ["agent", "agent"], ["tool", "tool"],
]);
const EXPLICIT_KINDS = new Map<string, SpanKind>([
  ...SPAN_KINDS.map((k) => [k, k] as const), ["generation", "llm"], ["evaluator", "chain"],
]);

const lower = (v: unknown) => asString(v)?.toLowerCase() ?? "";

/** Explicit pharos/langfuse kinds are consumed; the lossy vendor ones stay in metadata too. */
export function mapKind(bag: AttrBag, hasModel: boolean): SpanKind {
  return (
    EXPLICIT_KINDS.get(lower(bag.take("pharos.kind"))) ??
    EXPLICIT_KINDS.get(lower(bag.take("langfuse.observation.type"))) ??
    OPENINFERENCE_KINDS.get(asString(bag.peek("openinference.span.kind"))?.toUpperCase() ?? "") ??
    TRACELOOP_KINDS.get(lower(bag.peek("traceloop.span.kind"))) ??
    GENAI_OPERATIONS.get(lower(bag.peek("gen_ai.operation.name"))) ??
    (hasModel ? "llm" : "span")
  );
}

export function mapModel(bag: AttrBag): string | null {
  const response = asString(bag.take("gen_ai.response.model"));
  const request = asString(bag.peek("gen_ai.request.model"));
  // The requested alias ("gpt-4o") differs from the served snapshot often enough to keep both.
  if (request !== null && (response === null || response === request)) bag.consume("gen_ai.request.model");
  const others = bag.firstString(["llm.model_name", "langfuse.observation.model.name", "embedding.model_name"]);
  return response ?? request ?? others;
}

export function mapProvider(bag: AttrBag): string | null {
  return bag.firstString(["gen_ai.provider.name", "llm.provider", "gen_ai.system", "llm.system"]);
}

export function mapUsage(bag: AttrBag): Usage {
  // Langfuse's usage_details only fills gaps and stays in metadata: it may carry more detail keys.
  const details = asRecord(bag.peek("langfuse.observation.usage_details")) ?? {};
  const count = (keys: string[], detail: string) => asCount(bag.first(keys)) ?? asCount(details[detail]);
  const inputTokens = count(["gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens", "llm.token_count.prompt", "llm.usage.prompt_tokens"], "input");
  const outputTokens = count(["gen_ai.usage.output_tokens", "gen_ai.usage.completion_tokens", "llm.token_count.completion", "llm.usage.completion_tokens"], "output");
  const cachedInputTokens = count(["gen_ai.usage.cache_read.input_tokens", "gen_ai.usage.cache_read_input_tokens", "llm.token_count.prompt_details.cache_read"], "cache_read_input_tokens");
  const reasoningTokens = count(["gen_ai.usage.reasoning.output_tokens", "gen_ai.usage.reasoning_tokens", "llm.token_count.completion_details.reasoning"], "reasoning_tokens");
  let totalTokens = count(["llm.token_count.total", "gen_ai.usage.total_tokens", "llm.usage.total_tokens"], "total");
  if (totalTokens === null && (inputTokens !== null || outputTokens !== null)) totalTokens = (inputTokens ?? 0) + (outputTokens ?? 0);
  return { inputTokens, outputTokens, cachedInputTokens, reasoningTokens, totalTokens };
}

const REQUEST_PARAMS = ["temperature", "max_tokens", "top_p", "top_k", "frequency_penalty", "presence_penalty", "stop_sequences", "seed"];

export function mapModelParameters(bag: AttrBag): Record<string, unknown> | null {
  const params: Record<string, unknown> = {};
  for (const key of ["llm.invocation_parameters", "langfuse.observation.model.parameters"]) {
    const record = asRecord(bag.peek(key));
    if (record) {
      bag.consume(key);
      Object.assign(params, record);
    }
  }
  for (const name of REQUEST_PARAMS) {
    const v = bag.take(`gen_ai.request.${name}`);
    if (v !== undefined && v !== null) params[name] = v;
  }
  return Object.keys(params).length > 0 ? params : null;
}

export function mapLevel(bag: AttrBag, statusCode: number): SpanLevel {
  const explicit = asString(bag.take("langfuse.observation.level"))?.toUpperCase();
  if (explicit && (SPAN_LEVELS as readonly string[]).includes(explicit)) return explicit as SpanLevel;
  return statusCode === 2 ? "ERROR" : "DEFAULT";
}

const TTFT_EVENTS = new Set(["gen_ai.content.completion.chunk", "first_token", "llm.first_token", "gen_ai.first_token"]);
export const isTtftEvent = (name: string) => TTFT_EVENTS.has(name);

/** Milliseconds; negative or unparseable values are treated as absent. */
export function mapTtft(bag: AttrBag, events: OtlpEvent[], startNs: bigint, endNs: bigint): number | null {
  const durationMs = Number(endNs - startNs) / 1e6;
  const valid = (ms: number | null) => (ms !== null && ms >= 0 ? ms : null);

  const explicit = asNumber(bag.take("pharos.ttft_ms"));
  if (explicit !== null) return valid(explicit);

  const completionStart = epochMs(bag.take("langfuse.observation.completion_start_time"));
  if (completionStart !== null) return valid(completionStart - Number(startNs) / 1e6);

  // Seconds, like the OTel GenAI time-to-first-token metric; a value that only fits the span as ms is ms.
  const seconds = asNumber(bag.first(["gen_ai.response.time_to_first_token", "llm.time_to_first_token"]));
  if (seconds !== null) return valid(seconds * 1000 > durationMs && seconds <= durationMs ? seconds : seconds * 1000);

  let first: bigint | null = null;
  for (const e of events) {
    if (TTFT_EVENTS.has(e.name) && e.timeUnixNano > 0n && (first === null || e.timeUnixNano < first)) first = e.timeUnixNano;
  }
  return first === null ? null : valid(Number(first - startNs) / 1e6);
}

/** ISO strings (Langfuse JSON-quotes them) or epoch numbers in s/ms/µs/ns, judged by magnitude. */
function epochMs(v: unknown): number | null {
  const parsed = parseJsonish(v);
  const n = asNumber(parsed);
  if (n !== null) return n > 1e17 ? n / 1e6 : n > 1e14 ? n / 1e3 : n > 1e11 ? n : n * 1000;
  if (typeof parsed !== "string") return null;
  const ms = Date.parse(parsed);
  return Number.isNaN(ms) ? null : ms;
}
