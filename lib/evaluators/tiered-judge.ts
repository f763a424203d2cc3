import { addUsage, askJudge, type JudgeAnswer, judgeErrorReason, usageOf } from "./judge-call";
import { type EscalationReason, escalationDecision, priceAsModel } from "./judge-escalation";
import type { LlmJudgeParams } from "./llm-judge";
import { type EvalCase, type EvalContext, type EvalResult, type EvalUsage, cannotScore, scored } from "./types";

/** What a tiered judge records per item (`details.tiered`); the run summary totals it (lib/runs/summarize-run.ts). */
export type TieredDetails = {
  /** The tier whose verdict (or failure) decided the item. */
  tier: "cheap" | "strong";
  escalated: boolean;
  reason: EscalationReason | null;
  why: string | null;
  cheap: { model: string; scores: number[]; usage: EvalUsage };
  strong: { model: string; score: number | null; usage: EvalUsage } | null;
  /**
   * What judging this item with the strong model alone would have cost: the strong calls' real
   * cost when it escalated, else the first cheap sample's calls priced at the strong model's
   * price (a strong-only judge asks once, so the extra samples are not counted). null: unpriced.
   */
  strongOnlyCost: number | null;
};

type Options = { params: LlmJudgeParams & { escalation: NonNullable<LlmJudgeParams["escalation"]> }; threshold: number; c: EvalCase; ctx: EvalContext & { judge: NonNullable<EvalContext["judge"]> } };

/**
 * The cheap judge first (`samples` answers; at temperature 0 when one), then the strong judge
 * when the cheap verdict is uncertain (judge-escalation.ts). Each tier keeps the judge-error
 * rules: a tier that answers malformed JSON twice makes the item "judge_error", a provider
 * failure "error" — a failed cheap tier is never escalated around, and never a pass.
 */
export async function tieredJudge({ params, threshold, c, ctx }: Options): Promise<EvalResult> {
  const { judge, signal } = ctx;
  const esc = params.escalation;
  const cheapModel = params.model ?? judge.model;
  const ask = (model: string, temperature: number) => askJudge({ judge, model, rubric: params.rubric, scale: params.scale, jsonMode: params.jsonMode, c, temperature, signal });

  const samples: JudgeAnswer[] = [];
  for (let i = 0; i < esc.samples; i++) {
    const answer = await ask(cheapModel, esc.samples > 1 ? esc.temperature : 0);
    samples.push(answer);
    if (answer.kind !== "verdict") break;
  }
  const cheapUsage = usageOf(samples.flatMap((s) => s.calls));
  const scores = samples.flatMap((s) => (s.kind === "verdict" ? [s.verdict.score] : []));
  const cheap = { model: cheapModel, scores, usage: cheapUsage };
  const notEscalated = (): TieredDetails => ({
    tier: "cheap", escalated: false, reason: null, why: null, cheap, strong: null,
    strongOnlyCost: priceAsModel({ calls: samples[0]!.calls, model: esc.model, overrides: judge.overrides }),
  });

  const failedSample = samples.find((s) => s.kind !== "verdict");
  if (failedSample?.kind === "error") return cannotScore(threshold, `cheap judge call failed: ${failedSample.message}`, "error", { usage: cheapUsage, details: { model: cheapModel, tiered: notEscalated() } });
  if (failedSample?.kind === "judge_error") {
    return cannotScore(threshold, judgeErrorReason(`the cheap judge (${cheapModel})`, failedSample.problems), "judge_error", { usage: cheapUsage, details: { model: cheapModel, problems: failedSample.problems, tiered: notEscalated() } });
  }

  const decision = escalationDecision(scores, esc);
  const first = samples[0] as Extract<JudgeAnswer, { kind: "verdict" }>;
  if (!decision.escalate) {
    return { ...scored(scores[0]!, threshold, first.verdict.reasoning, { model: cheapModel, parseAttempts: first.attempts, tiered: notEscalated() }), usage: cheapUsage };
  }

  const strong = await ask(esc.model, 0);
  const strongUsage = usageOf(strong.calls);
  const usage = addUsage(cheapUsage, strongUsage);
  const tiered: TieredDetails = {
    tier: "strong", escalated: true, reason: decision.reason, why: decision.why, cheap,
    strong: { model: esc.model, score: strong.kind === "verdict" ? strong.verdict.score : null, usage: strongUsage },
    strongOnlyCost: strongUsage.cost,
  };
  if (strong.kind === "error") return cannotScore(threshold, `strong judge call failed (escalated: ${decision.why}): ${strong.message}`, "error", { usage, details: { model: esc.model, tiered } });
  if (strong.kind === "judge_error") {
    return cannotScore(threshold, judgeErrorReason(`the strong judge (${esc.model})`, strong.problems), "judge_error", { usage, details: { model: esc.model, problems: strong.problems, tiered } });
  }
  return { ...scored(strong.verdict.score, threshold, strong.verdict.reasoning, { model: esc.model, parseAttempts: strong.attempts, tiered }), usage };
}
