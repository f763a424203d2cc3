import { type EvalCase, type EvalContext, type EvalResult, cannotScore, scored } from "../types";
import { judgeClaims } from "./judge-claims";
import { type ClaimParams, claimParams, failedEvaluation, notApplicable, ragCase, splitStatements, tieredRecord } from "./rag-common";
import { coverage, round, termsOf } from "./rag-text";

export const concisenessParams = claimParams(0.7);

/**
 * Conciseness: the share of the answer's statements that address the question (the rest is
 * filler, repetition or off the question). Tiered like faithfulness, with the statement's
 * overlap with the question as the lexical signal. Needs no context.
 */
export async function conciseness(params: ClaimParams, c: EvalCase, ctx: EvalContext): Promise<EvalResult> {
  const { threshold, jsonMode, escalation } = params;
  const judge = ctx.judge;
  if (!judge) return cannotScore(threshold, "no judge connection configured for conciseness");
  const rc = ragCase(c);
  const cheapModel = params.model ?? judge.model;
  const split = await splitStatements({ judge, model: cheapModel, question: rc.question, text: rc.answer, jsonMode, signal: ctx.signal });
  const splitUsage = tieredRecord({ judge, cheapModel, strongModel: escalation?.model, cheapCalls: split.calls, strongCalls: [], claims: 0, escalatedClaims: 0, reason: null, why: null });
  if (split.kind === "empty") return notApplicable(threshold, "the answer is empty");
  if (split.kind !== "ok") return failedEvaluation(threshold, "splitting the answer into statements", { ...split, tier: "cheap", model: cheapModel }, splitUsage.usage);
  if (split.statements.length === 0) return notApplicable(threshold, "the answer makes no statements", splitUsage.usage);

  const questionTerms = termsOf(rc.question);
  const overlaps = split.statements.map((s) => round(coverage(termsOf(s.text), questionTerms)));
  const outcome = await judgeClaims({
    judge, kind: "addresses", items: split.statements.map((s) => s.text), against: { question: rc.question },
    overlaps, cheapModel, strong: escalation, jsonMode, signal: ctx.signal,
  });
  const escalatedClaims = outcome.kind === "ok" ? outcome.claims.filter((cl) => cl.escalated).length : 0;
  const { usage, tiered } = tieredRecord({
    judge, cheapModel, strongModel: escalation?.model, cheapCalls: [...split.calls, ...outcome.cheapCalls], strongCalls: outcome.strongCalls,
    claims: split.statements.length, escalatedClaims, reason: "disagreement", why: escalatedClaims ? `${escalatedClaims} of ${split.statements.length} statements: the cheap verdict and the lexical overlap disagree` : null,
  });
  const base = { sentences: split.sentences, ...(tiered ? { tiered } : {}) };
  if (outcome.kind !== "ok") return failedEvaluation(threshold, "judging whether the statements address the question", outcome, usage, base);
  const statements = outcome.claims.map((cl, i) => ({ sentence: split.statements[i]!.sentence, text: split.statements[i]!.text, addresses: cl.verdict, reason: cl.reason, tier: cl.tier, overlap: cl.overlap, escalated: cl.escalated }));
  const addressing = statements.filter((s) => s.addresses).length;
  const off = statements.filter((s) => !s.addresses);
  const reason = `${addressing} of ${statements.length} statements address the question${off.length ? `; not needed: ${off.map((s) => `"${s.text}"`).join("; ")}` : ""}`;
  return { ...scored(round(addressing / statements.length), threshold, reason, { ...base, model: cheapModel, statements }), usage };
}
