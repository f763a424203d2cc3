import { z } from "zod";
import { chatCompletion, type ChatCompletionResult, type ChatMessage } from "../llm/chat-completion";
import { LlmCallError } from "../llm/provider-http";
import { correctionMessage, JUDGE_SCALES, judgeMessages, parseVerdict } from "./judge-verdict";
import { type EvalCase, type EvalContext, type EvalResult, cannotScore, scored } from "./types";

export const llmJudgeParams = z
  .object({
    /** The rubric, with {{input}}, {{output}} and {{expected}} where the item's values go. */
    rubric: z.string().trim().min(1).max(20_000),
    scale: z.enum(JUDGE_SCALES).default("1-5"),
    /** The judge model; defaults to the run's judge model. */
    model: z.string().trim().min(1).max(256).optional(),
    /** Ask for a JSON response (response_format json_object); turn off for endpoints that refuse it. */
    jsonMode: z.boolean().default(true),
    /** 1–5 scale: lowest passing score (default 4). pass_fail: 1 (pass). */
    threshold: z.number().optional(),
  })
  .superRefine((p, ctx) => {
    if (p.threshold === undefined) return;
    const [lo, hi] = p.scale === "1-5" ? [1, 5] : [0, 1];
    if (p.threshold < lo || p.threshold > hi) ctx.addIssue({ code: "custom", path: ["threshold"], message: `must be within ${lo}–${hi} for scale ${p.scale}` });
  });

type Params = z.infer<typeof llmJudgeParams>;

/**
 * Asks the judge model for a verdict. An answer that is not the required JSON is asked for
 * again once, with the problem named; a second bad answer makes the item "judge_error" — never
 * a pass. A provider failure (after the client's retries) is "error". Every call is counted
 * and priced.
 */
export async function llmJudge(params: Params, c: EvalCase, ctx: EvalContext): Promise<EvalResult> {
  const threshold = params.threshold ?? (params.scale === "1-5" ? 4 : 1);
  const judge = ctx.judge;
  if (!judge) return cannotScore(threshold, "no judge connection configured for llm_judge");
  const model = params.model ?? judge.model;
  const messages: ChatMessage[] = judgeMessages(params.rubric, params.scale, c);
  const calls: ChatCompletionResult[] = [];
  const usage = () => ({
    calls: calls.length,
    inputTokens: calls.reduce((n, r) => n + (r.usage.inputTokens ?? 0), 0),
    outputTokens: calls.reduce((n, r) => n + (r.usage.outputTokens ?? 0), 0),
    cost: calls.some((r) => r.cost.totalCost === null) ? null : Math.round(calls.reduce((n, r) => n + r.cost.totalCost!, 0) * 1e10) / 1e10,
    latencyMs: calls.reduce((n, r) => n + r.latencyMs, 0),
  });
  const problems: string[] = [];
  for (let attempt = 1; attempt <= 2; attempt++) {
    let result: ChatCompletionResult;
    try {
      result = await chatCompletion({
        endpoint: judge.endpoint, overrides: judge.overrides, timeoutMs: judge.timeoutMs, retry: judge.retry, signal: ctx.signal,
        request: { model, messages, temperature: 0, ...(params.jsonMode ? { responseFormat: { type: "json_object" } } : {}) },
      });
    } catch (error) {
      if (!(error instanceof LlmCallError)) throw error;
      return cannotScore(threshold, `judge call failed: ${error.message}`, "error", { usage: usage() });
    }
    calls.push(result);
    const parsed = parseVerdict(result.content, params.scale);
    if (parsed.ok) {
      const { score, reasoning } = parsed.verdict;
      return { ...scored(score, threshold, reasoning, { model, parseAttempts: attempt }), usage: usage() };
    }
    problems.push(parsed.problem);
    messages.push({ role: "assistant", content: result.content.slice(0, 4000) }, correctionMessage(params.scale, parsed.problem));
  }
  return cannotScore(threshold, `judge error: the judge answered twice without the required JSON (${problems.join("; then ")})`, "judge_error", { usage: usage(), details: { model, problems } });
}
