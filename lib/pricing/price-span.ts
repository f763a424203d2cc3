import { calcPrice, type Provider, type Usage as PackageUsage } from "@pydantic/genai-prices";
import { Tiktoken } from "js-tiktoken/lite";
import cl100kBase from "js-tiktoken/ranks/cl100k_base";
import o200kBase from "js-tiktoken/ranks/o200k_base";
import type { Usage } from "../ingest/types";
import { findOverride, MAX_MATCHED_NAME_LENGTH, type PriceOverride } from "./price-overrides";

export type SpanCost = {
  inputCost: number | null;
  outputCost: number | null;
  totalCost: number | null;
  currency: "USD";
  /** True when some token count was estimated with a tokenizer rather than reported. */
  estimated: boolean;
  /** The span's usage, sanitized (negative/NaN → null) and filled in where estimated. */
  usage: Usage;
  /** "genai-prices:<provider>/<model>[@<price start date>]" or "override:<id>". */
  priceSource: string | null;
};

export type PriceSpanInput = {
  model: string | null;
  provider: string | null;
  usage: Usage;
  startTime: Date;
  input: unknown;
  output: unknown;
  overrides?: PriceOverride[];
};

/**
 * Usage contract: cachedInputTokens ⊆ inputTokens and reasoningTokens ⊆ outputTokens (OpenAI
 * style, which is also what genai-prices expects). A subset larger than its total can only
 * mean the source reported it separately (Anthropic cache reads, Gemini thoughts), so it is
 * added to the total instead of making the package throw. Never throws.
 */
export function priceSpan(span: PriceSpanInput): SpanCost {
  const usage = sanitize(span.usage);
  const model = typeof span.model === "string" ? span.model.trim() : "";
  const at = span.startTime instanceof Date && !Number.isNaN(span.startTime.getTime()) ? span.startTime : new Date();
  const unpriced: SpanCost = { ...NO_COST, usage };
  // Real model names are short; a huge one is junk and must not bloat the lookup cache.
  if (!model || model.length > MAX_MATCHED_NAME_LENGTH) return unpriced;
  try {
    const override = findOverride(span.overrides, model, span.provider, at);
    const catalogue = override ? null : resolveModel(model, span.provider);
    if (!override && !catalogue) return unpriced;
    let estimated = false;
    if (usage.inputTokens === null && usage.outputTokens === null) {
      const encoder = encoderFor(model);
      usage.inputTokens = countTokens(encoder, span.input);
      usage.outputTokens = countTokens(encoder, span.output);
      estimated = usage.inputTokens !== null || usage.outputTokens !== null;
      if (estimated && usage.totalTokens === null) usage.totalTokens = (usage.inputTokens ?? 0) + (usage.outputTokens ?? 0);
    }
    if (usage.inputTokens === null && usage.outputTokens === null) return unpriced;

    const cached = usage.cachedInputTokens ?? 0;
    const reasoning = usage.reasoningTokens ?? 0;
    let input = usage.inputTokens ?? 0;
    let output = usage.outputTokens ?? 0;
    if (cached > input) input += cached;
    if (reasoning > output) output += reasoning;

    if (override) {
      const cachedRate = override.cachedInputPerMillion ?? override.inputPerMillion;
      const inputCost = ((input - cached) * override.inputPerMillion + cached * cachedRate) / 1e6;
      const outputCost = (output * override.outputPerMillion) / 1e6;
      return costOf(inputCost, outputCost, estimated, usage, `override:${override.id}`);
    }
    if (!catalogue) return unpriced;
    const tokens: PackageUsage = { input_tokens: input, output_tokens: output };
    if (cached > 0) tokens.cache_read_tokens = cached;
    if (reasoning > 0) tokens.output_reasoning_tokens = reasoning;
    const result = calcPrice(tokens, catalogue.name, { provider: catalogue.provider, timestamp: at });
    if (!result) return unpriced;
    // Which dated price row applied: the package keeps the row's inner prices object.
    const row = Array.isArray(result.model.prices) ? result.model.prices.find((p) => p.prices === result.model_price) : undefined;
    const since = row?.constraint?.type === "start_date" ? `@${row.constraint.start_date}` : "";
    const source = `genai-prices:${catalogue.provider.id}/${result.model.id}${since}`;
    return costOf(result.input_price, result.output_price, estimated, usage, source);
  } catch {
    // Odd usage the package rejects must not break ingest: the span is stored unpriced.
    return { ...NO_COST, usage: sanitize(span.usage) };
  }
}

const NO_COST = { inputCost: null, outputCost: null, totalCost: null, currency: "USD", estimated: false, priceSource: null } as const;

function costOf(inputCost: number, outputCost: number, estimated: boolean, usage: Usage, priceSource: string): SpanCost {
  const round = (n: number) => Math.round(n * 1e10) / 1e10;
  return { inputCost: round(inputCost), outputCost: round(outputCost), totalCost: round(inputCost + outputCost), currency: "USD", estimated, usage, priceSource };
}

function sanitize(usage: Usage | null | undefined): Usage {
  const count = (v: unknown) => (typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : null);
  return {
    inputTokens: count(usage?.inputTokens),
    outputTokens: count(usage?.outputTokens),
    cachedInputTokens: count(usage?.cachedInputTokens),
    reasoningTokens: count(usage?.reasoningTokens),
    totalTokens: count(usage?.totalTokens),
  };
}

// ---- catalogue lookup -------------------------------------------------------------------

type Resolved = { name: string; provider: Provider };

// calcPrice scans every provider and model (compiling regexes) per call. Resolve each
// (model, provider) once and afterwards hand calcPrice a one-model provider, so only the
// date/tier arithmetic runs per span. Bounded: model names are client data.
const resolved = new Map<string, Resolved | null>();
const MAX_RESOLVED = 5_000;

function resolveModel(model: string, provider: string | null): Resolved | null {
  const key = `${provider ?? ""}\u0000${model}`;
  const hit = resolved.get(key);
  if (hit !== undefined) return hit;
  if (resolved.size >= MAX_RESOLVED) resolved.clear();
  const value = lookup(model, provider?.trim() || undefined);
  resolved.set(key, value);
  return value;
}

function lookup(model: string, provider: string | undefined): Resolved | null {
  const attempts: [string, string | undefined][] = [[model, provider], [model, undefined]];
  // "openai/gpt-4o-mini": the prefix names the provider (unless a router such as
  // openrouter lists the full name, which the attempts above catch first).
  const slash = model.indexOf("/");
  if (slash > 0 && slash < model.length - 1) {
    const rest = model.slice(slash + 1);
    attempts.push([rest, model.slice(0, slash)], [rest, provider], [rest, undefined]);
  }
  // An unknown provider id (a proxy, "my-gateway") falls through to model-based matching.
  for (const [name, providerId] of attempts) {
    const hit = calcPrice({ input_tokens: 0, output_tokens: 0 }, name, { providerId });
    if (hit) return { name, provider: { ...hit.provider, models: [hit.model], fallback_model_providers: undefined } };
  }
  return null;
}

// ---- token estimation -------------------------------------------------------------------

/** Text sampled per side; longer payloads are extrapolated from the sample. */
const SAMPLE_CHARS = 16_000;
const MAX_NODES = 10_000;
/** BPE is quadratic within one pre-token; cut long unbroken runs (CJK, base64) into pieces. */
const LONG_RUN = /(\S{64,})/u;
const RUN_PIECE = /[\s\S]{1,48}/gu;
// Keys whose values are not model-visible text (or are priced differently, like images).
const SKIP_KEYS = new Set(["role", "type", "id", "model", "name", "finish_reason", "index", "object", "created", "logprobs", "image_url", "url", "detail", "mime_type", "mimeType", "usage"]);

const encoders = new Map<"o200k" | "cl100k", Tiktoken>();

/** o200k for the GPT-4o/4.1/4.5/5 and o-series families; cl100k approximates everyone else. */
function encoderFor(model: string): Tiktoken {
  const bare = model.toLowerCase().slice(model.indexOf("/") + 1);
  const name = /^(gpt-4o|gpt-4\.[15]|gpt-5|gpt-oss|chatgpt-4o|o\d|codex)/.test(bare) ? "o200k" : "cl100k";
  let encoder = encoders.get(name);
  if (!encoder) {
    // Building the rank map takes a few hundred ms, so only on first use.
    encoder = new Tiktoken(name === "o200k" ? o200kBase : cl100kBase);
    encoders.set(name, encoder);
  }
  return encoder;
}

/** Tokens in the text of a payload, or null when it holds no text at all. */
function countTokens(encoder: Tiktoken, payload: unknown): number | null {
  const parts: string[] = [];
  let sampled = 0;
  let total = 0;
  let nodes = 0;
  const walk = (value: unknown, depth: number): void => {
    if (++nodes > MAX_NODES || depth > 32) return;
    if (typeof value === "string") {
      if (value.startsWith("data:")) return;
      total += value.length;
      if (sampled < SAMPLE_CHARS) {
        const piece = value.slice(0, SAMPLE_CHARS - sampled);
        parts.push(piece);
        sampled += piece.length;
      }
    } else if (Array.isArray(value)) {
      for (const item of value) if (nodes <= MAX_NODES) walk(item, depth + 1);
    } else if (value && typeof value === "object") {
      for (const key in value) if (nodes <= MAX_NODES && !SKIP_KEYS.has(key)) walk((value as Record<string, unknown>)[key], depth + 1);
    }
  };
  walk(payload, 0);
  if (total === 0) return null;
  let tokens = 0;
  const segments = parts.join("\n").split(LONG_RUN);
  segments.forEach((segment, i) => {
    // split() with a capture group puts the long runs at odd indexes.
    const pieces = i % 2 === 1 ? (segment.match(RUN_PIECE) ?? []) : [segment];
    for (const piece of pieces) if (piece) tokens += encoder.encode(piece, [], []).length;
  });
  return sampled < total ? Math.round((tokens * total) / sampled) : tokens;
}
