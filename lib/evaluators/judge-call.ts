import { chatCompletion, type ChatCompletionResult, type ChatMessage } from "../llm/chat-completion";
import { LlmCallError } from "../llm/provider-http";
import { correctionMessage, judgeMessages, type JudgeScale, type JudgeVerdict, parseVerdict } from "./judge-verdict";
import type { EvalCase, EvalContext, EvalUsage } from "./types";

/**
 * One judge verdict from one model: strict JSON, asked for again once with the problem named,
 * then "judge_error". A provider failure (after the client's retries) is "error". Every call
 * made is returned, so the caller can count and price it (both tiers of a tiered judge use this).
 */
export type JudgeAnswer =
  | { kind: "verdict"; verdict: JudgeVerdict; attempts: number; calls: ChatCompletionResult[] }
  | { kind: "judge_error"; problems: string[]; calls: ChatCompletionResult[] }
  | { kind: "error"; message: string; calls: ChatCompletionResult[] };

export async function askJudge(options: {
  judge: NonNullable<EvalContext["judge"]>; model: string; rubric: string; scale: JudgeScale; jsonMode: boolean; c: EvalCase;
  temperature?: number; signal?: AbortSignal;
}): Promise<JudgeAnswer> {
  const { judge, model, scale } = options;
  const messages: ChatMessage[] = judgeMessages(options.rubric, scale, options.c);
  const calls: ChatCompletionResult[] = [];
  const problems: string[] = [];
  for (let attempt = 1; attempt <= 2; attempt++) {
    let result: ChatCompletionResult;
    try {
      result = await chatCompletion({
        endpoint: judge.endpoint, overrides: judge.overrides, timeoutMs: judge.timeoutMs, retry: judge.retry, signal: options.signal,
        request: { model, messages, temperature: options.temperature ?? 0, ...(options.jsonMode ? { responseFormat: { type: "json_object" } } : {}) },
      });
    } catch (error) {
      if (!(error instanceof LlmCallError)) throw error;
      return { kind: "error", message: error.message, calls };
    }
    calls.push(result);
    const parsed = parseVerdict(result.content, scale);
    if (parsed.ok) return { kind: "verdict", verdict: parsed.verdict, attempts: attempt, calls };
    problems.push(parsed.problem);
    messages.push({ role: "assistant", content: result.content.slice(0, 4000) }, correctionMessage(scale, parsed.problem));
  }
  return { kind: "judge_error", problems, calls };
}

const round = (n: number) => Math.round(n * 1e10) / 1e10;

/** Calls summed as an evaluator's usage; cost is null when any call could not be priced. */
export function usageOf(calls: readonly ChatCompletionResult[]): EvalUsage {
  return {
    calls: calls.length,
    inputTokens: calls.reduce((n, r) => n + (r.usage.inputTokens ?? 0), 0),
    outputTokens: calls.reduce((n, r) => n + (r.usage.outputTokens ?? 0), 0),
    cost: calls.some((r) => r.cost.totalCost === null) ? null : round(calls.reduce((n, r) => n + r.cost.totalCost!, 0)),
    latencyMs: calls.reduce((n, r) => n + r.latencyMs, 0),
  };
}

/** Two usages as one (cost null when either is unpriced). */
export function addUsage(a: EvalUsage, b: EvalUsage): EvalUsage {
  return {
    calls: a.calls + b.calls, inputTokens: a.inputTokens + b.inputTokens, outputTokens: a.outputTokens + b.outputTokens,
    cost: a.cost === null || b.cost === null ? null : round(a.cost + b.cost), latencyMs: a.latencyMs + b.latencyMs,
  };
}

export const NO_USAGE: EvalUsage = { calls: 0, inputTokens: 0, outputTokens: 0, cost: 0, latencyMs: 0 };

export const judgeErrorReason = (who: string, problems: readonly string[]) => `judge error: ${who} answered twice without the required JSON (${problems.join("; then ")})`;
