import { z } from "zod";
import type { Usage } from "../ingest/types";
import type { PriceOverride } from "../pricing/price-overrides";
import { priceSpan, type SpanCost } from "../pricing/price-span";
import { type CallOptions, LlmCallError, type LlmEndpoint, providerRequest } from "./provider-http";

export type ChatMessage = { role: "system" | "user" | "assistant"; content: string };

export type ChatCompletionRequest = {
  model: string;
  messages: ChatMessage[];
  temperature?: number;
  maxTokens?: number;
  /** e.g. { type: "json_object" }; sent as response_format. */
  responseFormat?: Record<string, unknown>;
  /** Any other body fields the provider accepts (top_p, seed…). */
  extra?: Record<string, unknown>;
};

/** What every call records: the same latency, token and cost fields a span carries at ingest. */
export type ChatCompletionResult = {
  content: string;
  finishReason: string | null;
  /** The model the provider says answered (else the one asked for). */
  model: string;
  usage: Usage;
  cost: SpanCost;
  /** The successful attempt. */
  latencyMs: number;
  /** From the first attempt to the answer, retries and waits included. */
  totalMs: number;
  attempts: number;
  startedAt: Date;
};

const count = z.number().int().nonnegative().nullish();
const responseSchema = z.object({
  model: z.string().nullish(),
  choices: z
    .array(z.object({ message: z.object({ content: z.string().nullish() }).passthrough(), finish_reason: z.string().nullish() }).passthrough())
    .min(1, "has no choices"),
  usage: z
    .object({
      prompt_tokens: count,
      completion_tokens: count,
      total_tokens: count,
      prompt_tokens_details: z.object({ cached_tokens: count }).passthrough().nullish(),
      completion_tokens_details: z.object({ reasoning_tokens: count }).passthrough().nullish(),
    })
    .passthrough()
    .nullish(),
});

/**
 * POST {baseUrl}/chat/completions on any OpenAI-compatible endpoint, with the retry policy of
 * providerRequest, priced by the ingest pricing code (lib/pricing: catalogue and the project's
 * overrides), so a run's cost means what a trace's cost means.
 */
export async function chatCompletion(options: { endpoint: LlmEndpoint; request: ChatCompletionRequest; provider?: string | null; overrides?: PriceOverride[] } & CallOptions): Promise<ChatCompletionResult> {
  const { endpoint, request } = options;
  const body = {
    ...request.extra,
    model: request.model,
    messages: request.messages,
    ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
    ...(request.maxTokens === undefined ? {} : { max_tokens: request.maxTokens }),
    ...(request.responseFormat === undefined ? {} : { response_format: request.responseFormat }),
  };
  const res = await providerRequest(endpoint, "chat/completions", { method: "POST", body }, options);
  const parsed = responseSchema.safeParse(res.body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LlmCallError(`the chat completion from ${endpoint.baseUrl} is malformed: ${issue?.path.join(".") || "body"} ${issue?.message ?? ""}`.trim(), "malformed", res.status, res.attempts, res.totalMs);
  }
  const choice = parsed.data.choices[0]!;
  const content = choice.message.content ?? "";
  const model = parsed.data.model || request.model;
  const u = parsed.data.usage;
  const usage: Usage = {
    inputTokens: u?.prompt_tokens ?? null,
    outputTokens: u?.completion_tokens ?? null,
    cachedInputTokens: u?.prompt_tokens_details?.cached_tokens ?? null,
    reasoningTokens: u?.completion_tokens_details?.reasoning_tokens ?? null,
    totalTokens: u?.total_tokens ?? null,
  };
  const cost = priceSpan({ model, provider: options.provider ?? null, usage, startTime: res.startedAt, input: request.messages, output: content, overrides: options.overrides });
  return { content, finishReason: choice.finish_reason ?? null, model, usage: cost.usage, cost, latencyMs: res.latencyMs, totalMs: res.totalMs, attempts: res.attempts, startedAt: res.startedAt };
}
