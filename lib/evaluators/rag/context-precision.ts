import { type EvalCase, type EvalContext, type EvalResult, cannotScore, scored } from "../types";
import { judgeClaims } from "./judge-claims";
import { type ClaimParams, claimParams, failedEvaluation, keptPassages, ragCase, tieredRecord } from "./rag-common";
import { coverage, round, termsOf } from "./rag-text";

export const contextPrecisionParams = claimParams(0.5);

/**
 * Mean precision@k over the ranks k that hold a useful passage (pure): 1 when every useful
 * passage is ranked above every useless one, lower the further down they sit; 0 when none is useful.
 */
export function rankedPrecision(useful: readonly boolean[]): number {
  let hits = 0;
  let sum = 0;
  useful.forEach((u, i) => {
    if (!u) return;
    hits++;
    sum += hits / (i + 1);
  });
  return hits ? round(sum / hits) : 0;
}

/**
 * Context precision: are the passages that help reach the expected answer ranked high? The
 * (cheap) model says per passage, in rank order, whether it was useful for the expected answer;
 * with `escalation`, passages where that verdict and the passage's coverage of the expected
 * answer's terms disagree are judged again by the strong model. Needs an expected answer.
 */
export async function contextPrecision(params: ClaimParams, c: EvalCase, ctx: EvalContext): Promise<EvalResult> {
  const { threshold, jsonMode, escalation } = params;
  const judge = ctx.judge;
  if (!judge) return cannotScore(threshold, "no judge connection configured for context_precision");
  const rc = ragCase(c);
  if (rc.expected === null) return cannotScore(threshold, "no expected answer: context precision judges the passages against the expected output");
  if (!rc.passages.length) return cannotScore(threshold, "no context: context precision needs the retrieved passages (contexts)");
  const cheapModel = params.model ?? judge.model;
  const expectedTerms = termsOf(rc.expected);
  const overlaps = rc.passages.map((p) => round(coverage(expectedTerms, termsOf(p.content))));
  const outcome = await judgeClaims({
    judge, kind: "useful", items: rc.passages.map((p) => p.content), against: { question: rc.question, expected: rc.expected },
    overlaps, cheapModel, strong: escalation, jsonMode, signal: ctx.signal,
  });
  const escalatedClaims = outcome.kind === "ok" ? outcome.claims.filter((cl) => cl.escalated).length : 0;
  const { usage, tiered } = tieredRecord({
    judge, cheapModel, strongModel: escalation?.model, cheapCalls: outcome.cheapCalls, strongCalls: outcome.strongCalls,
    claims: rc.passages.length, escalatedClaims, reason: "disagreement", why: escalatedClaims ? `${escalatedClaims} of ${rc.passages.length} passages: the cheap verdict and the lexical overlap disagree` : null,
  });
  const base = { passages: keptPassages(rc.passages), ...(tiered ? { tiered } : {}) };
  if (outcome.kind !== "ok") return failedEvaluation(threshold, "judging the passages against the expected answer", outcome, usage, base);
  const verdicts = outcome.claims.map((cl) => ({ position: cl.id - 1, useful: cl.verdict, reason: cl.reason, tier: cl.tier, overlap: cl.overlap, escalated: cl.escalated }));
  const score = rankedPrecision(verdicts.map((v) => v.useful));
  const ranks = verdicts.filter((v) => v.useful).map((v) => v.position + 1);
  const reason = ranks.length ? `useful passages at rank ${ranks.join(", ")} of ${verdicts.length}: precision ${score.toFixed(3)}` : `none of the ${verdicts.length} passages is useful for the expected answer`;
  return { ...scored(score, threshold, reason, { ...base, model: cheapModel, verdicts }), usage };
}
