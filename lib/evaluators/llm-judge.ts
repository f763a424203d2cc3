import { z } from "zod";
import { askJudge, judgeErrorReason, usageOf } from "./judge-call";
import { JUDGE_SCALES } from "./judge-verdict";
import { tieredJudge } from "./tiered-judge";
import { type EvalCase, type EvalContext, type EvalResult, cannotScore, scored } from "./types";

const modelName = z.string().trim().min(1).max(256);

/**
 * Tiered mode: `model` (or the run's model) is the cheap judge; an uncertain cheap verdict — a
 * score in `band`, or `samples` ≥ 2 cheap answers at `temperature` that disagree — is judged
 * again by the strong `model` here, whose verdict decides.
 */
export const escalationParams = z
  .object({
    /** The strong judge model. */
    model: modelName,
    /** Inclusive score band (1–5 scale) in which the cheap verdict is uncertain, e.g. { min: 3, max: 3 }. */
    band: z.object({ min: z.number().min(1).max(5), max: z.number().min(1).max(5) }).strict()
      .refine((b) => b.min <= b.max, { message: "min must not exceed max", path: ["max"] }).optional(),
    /** Cheap answers per item; ≥ 2 escalates when they disagree. */
    samples: z.number().int().min(1).max(10).default(1),
    /** Sampling temperature of the cheap judge when samples ≥ 2 (one sample is asked at 0). */
    temperature: z.number().gt(0, "must be above 0 to sample").max(2).default(0.7),
  })
  .strict();

export const llmJudgeParams = z
  .object({
    /** The rubric, with {{input}}, {{output}} and {{expected}} where the item's values go. */
    rubric: z.string().trim().min(1).max(20_000),
    scale: z.enum(JUDGE_SCALES).default("1-5"),
    /** The judge model (the cheap one when escalating); defaults to the run's model. */
    model: modelName.optional(),
    /** Ask for a JSON response (response_format json_object); turn off for endpoints that refuse it. */
    jsonMode: z.boolean().default(true),
    /** 1–5 scale: lowest passing score (default 4). pass_fail: 1 (pass). */
    threshold: z.number().optional(),
    escalation: escalationParams.optional(),
  })
  .superRefine((p, ctx) => {
    const [lo, hi] = p.scale === "1-5" ? [1, 5] : [0, 1];
    if (p.threshold !== undefined && (p.threshold < lo || p.threshold > hi)) ctx.addIssue({ code: "custom", path: ["threshold"], message: `must be within ${lo}–${hi} for scale ${p.scale}` });
    const e = p.escalation;
    if (!e) return;
    if (e.band && p.scale !== "1-5") ctx.addIssue({ code: "custom", path: ["escalation", "band"], message: "needs the 1-5 scale (a pass_fail verdict has no middle); use samples ≥ 2 to escalate on disagreement" });
    if (!e.band && e.samples < 2) ctx.addIssue({ code: "custom", path: ["escalation"], message: "give a band or samples ≥ 2: otherwise the cheap judge never escalates" });
  });

export type LlmJudgeParams = z.infer<typeof llmJudgeParams>;

/**
 * Asks the judge model for a verdict (judge-call.ts: strict JSON, one retry, then "judge_error"
 * — never a pass; a provider failure is "error"). With `escalation`, the tiered judge decides
 * (tiered-judge.ts). Every call is counted and priced.
 */
export async function llmJudge(params: LlmJudgeParams, c: EvalCase, ctx: EvalContext): Promise<EvalResult> {
  const threshold = params.threshold ?? (params.scale === "1-5" ? 4 : 1);
  const judge = ctx.judge;
  if (!judge) return cannotScore(threshold, "no judge connection configured for llm_judge");
  if (params.escalation) return tieredJudge({ params: { ...params, escalation: params.escalation }, threshold, c, ctx: { ...ctx, judge } });
  const model = params.model ?? judge.model;
  const answer = await askJudge({ judge, model, rubric: params.rubric, scale: params.scale, jsonMode: params.jsonMode, c, signal: ctx.signal });
  const usage = usageOf(answer.calls);
  if (answer.kind === "error") return cannotScore(threshold, `judge call failed: ${answer.message}`, "error", { usage });
  if (answer.kind === "judge_error") return cannotScore(threshold, judgeErrorReason("the judge", answer.problems), "judge_error", { usage, details: { model, problems: answer.problems } });
  return { ...scored(answer.verdict.score, threshold, answer.verdict.reasoning, { model, parseAttempts: answer.attempts }), usage };
}
