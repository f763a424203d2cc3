import { type EvalCase, type EvalContext, type EvalResult, cannotScore, scored } from "../types";
import { judgeClaims } from "./judge-claims";
import { type ClaimParams, claimParams, failedEvaluation, keptPassages, notApplicable, ragCase, splitStatements, tieredRecord } from "./rag-common";
import { bestCoverage, round, termsOf } from "./rag-text";

export const contextRecallParams = claimParams(0.7);

/**
 * Context recall: does the retrieved context cover the expected answer? The expected answer is
 * split into statements; the score is the share of them the passages support. Needs an
 * expected answer (a golden item's expected output).
 */
export async function contextRecall(params: ClaimParams, c: EvalCase, ctx: EvalContext): Promise<EvalResult> {
  const { threshold, jsonMode, escalation } = params;
  const judge = ctx.judge;
  if (!judge) return cannotScore(threshold, "no judge connection configured for context_recall");
  const rc = ragCase(c);
  if (rc.expected === null) return cannotScore(threshold, "no expected answer: context recall compares the context with the expected output");
  if (!rc.passages.length) return cannotScore(threshold, "no context: context recall needs the retrieved passages (contexts)");
  const cheapModel = params.model ?? judge.model;
  const split = await splitStatements({ judge, model: cheapModel, question: rc.question, text: rc.expected, jsonMode, signal: ctx.signal });
  const splitUsage = tieredRecord({ judge, cheapModel, strongModel: escalation?.model, cheapCalls: split.calls, strongCalls: [], claims: 0, escalatedClaims: 0, reason: null, why: null });
  if (split.kind === "empty") return notApplicable(threshold, "the expected answer is empty");
  if (split.kind !== "ok") return failedEvaluation(threshold, "splitting the expected answer into statements", { ...split, tier: "cheap", model: cheapModel }, splitUsage.usage);
  if (split.statements.length === 0) return notApplicable(threshold, "the expected answer makes no statements", splitUsage.usage);

  const passageTerms = rc.passages.map((p) => termsOf(p.content));
  const coverage = split.statements.map((s) => bestCoverage(s.text, passageTerms));
  const outcome = await judgeClaims({
    judge, kind: "support", items: split.statements.map((s) => s.text), against: { passages: rc.passages.map((p) => p.content) },
    overlaps: coverage.map((o) => o.overlap), cheapModel, strong: escalation, jsonMode, signal: ctx.signal,
  });
  const escalatedClaims = outcome.kind === "ok" ? outcome.claims.filter((cl) => cl.escalated).length : 0;
  const { usage, tiered } = tieredRecord({
    judge, cheapModel, strongModel: escalation?.model, cheapCalls: [...split.calls, ...outcome.cheapCalls], strongCalls: outcome.strongCalls,
    claims: split.statements.length, escalatedClaims, reason: "disagreement", why: escalatedClaims ? `${escalatedClaims} of ${split.statements.length} expected statements: the cheap verdict and the lexical overlap disagree` : null,
  });
  const base = { passages: keptPassages(rc.passages), ...(tiered ? { tiered } : {}) };
  if (outcome.kind !== "ok") return failedEvaluation(threshold, "checking the expected statements against the context", outcome, usage, base);
  const statements = outcome.claims.map((cl, i) => ({ text: split.statements[i]!.text, covered: cl.verdict, reason: cl.reason, tier: cl.tier, overlap: cl.overlap, escalated: cl.escalated }));
  const covered = statements.filter((s) => s.covered).length;
  const missing = statements.filter((s) => !s.covered);
  const reason = `the context covers ${covered} of ${statements.length} statements of the expected answer${missing.length ? `; missing: ${missing.map((s) => `"${s.text}"`).join("; ")}` : ""}`;
  return { ...scored(round(covered / statements.length), threshold, reason, { ...base, model: cheapModel, statements }), usage };
}
