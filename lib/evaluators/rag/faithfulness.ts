import { type EvalCase, type EvalContext, type EvalResult, cannotScore, scored } from "../types";
import { judgeClaims } from "./judge-claims";
import { type ClaimParams, claimParams, failedEvaluation, keptPassages, notApplicable, ragCase, splitStatements, tieredRecord } from "./rag-common";
import { bestCoverage, round, termsOf } from "./rag-text";

export const faithfulnessParams = claimParams(0.8);

/** One statement as the trace view shows it: the sentence it came from, the verdict, and the passage that overlaps it most. */
export type CheckedStatement = {
  sentence: number; text: string; supported: boolean; reason: string; tier: "cheap" | "strong";
  overlap: number; bestPassage: number | null; escalated: string | null;
};

/**
 * Faithfulness: the share of the answer's atomic statements that the retrieved context
 * supports. The (cheap) model splits the answer's sentences into statements, then judges each
 * against the numbered passages; with `escalation`, the statements where its verdict and the
 * lexical overlap disagree are judged again by the strong model. The statements, verdicts and
 * passages are kept in the details, so the trace view can mark each unsupported sentence.
 */
export async function faithfulness(params: ClaimParams, c: EvalCase, ctx: EvalContext): Promise<EvalResult> {
  const { threshold, jsonMode, escalation } = params;
  const judge = ctx.judge;
  if (!judge) return cannotScore(threshold, "no judge connection configured for faithfulness");
  const rc = ragCase(c);
  if (!rc.passages.length) return cannotScore(threshold, "no context: faithfulness needs the retrieved passages (contexts) to check the answer against");
  const cheapModel = params.model ?? judge.model;
  const split = await splitStatements({ judge, model: cheapModel, question: rc.question, text: rc.answer, jsonMode, signal: ctx.signal });
  const splitUsage = tieredRecord({ judge, cheapModel, strongModel: escalation?.model, cheapCalls: split.calls, strongCalls: [], claims: 0, escalatedClaims: 0, reason: null, why: null });
  if (split.kind === "empty") return notApplicable(threshold, "the answer is empty");
  if (split.kind !== "ok") return failedEvaluation(threshold, "splitting the answer into statements", { ...split, tier: "cheap", model: cheapModel }, splitUsage.usage);
  if (split.statements.length === 0) return notApplicable(threshold, "the answer makes no statements to check", splitUsage.usage);

  const passageTerms = rc.passages.map((p) => termsOf(p.content));
  const coverage = split.statements.map((s) => bestCoverage(s.text, passageTerms));
  const outcome = await judgeClaims({
    judge, kind: "support", items: split.statements.map((s) => s.text), against: { passages: rc.passages.map((p) => p.content) },
    overlaps: coverage.map((o) => o.overlap), cheapModel, strong: escalation, jsonMode, signal: ctx.signal,
  });
  const escalatedClaims = outcome.kind === "ok" ? outcome.claims.filter((cl) => cl.escalated).length : 0;
  const { usage, tiered } = tieredRecord({
    judge, cheapModel, strongModel: escalation?.model, cheapCalls: [...split.calls, ...outcome.cheapCalls], strongCalls: outcome.strongCalls,
    claims: split.statements.length, escalatedClaims, reason: "disagreement",
    why: escalatedClaims ? `${escalatedClaims} of ${split.statements.length} statements: the cheap verdict and the lexical overlap disagree` : null,
  });
  const base = { sentences: split.sentences, passages: keptPassages(rc.passages), ...(tiered ? { tiered } : {}) };
  if (outcome.kind !== "ok") return failedEvaluation(threshold, "checking the statements against the context", outcome, usage, { ...base, statements: split.statements });

  const statements: CheckedStatement[] = outcome.claims.map((cl, i) => ({
    sentence: split.statements[i]!.sentence, text: split.statements[i]!.text, supported: cl.verdict, reason: cl.reason, tier: cl.tier,
    overlap: cl.overlap, bestPassage: coverage[i]!.best >= 0 ? coverage[i]!.best : null, escalated: cl.escalated,
  }));
  const supported = statements.filter((s) => s.supported).length;
  const score = round(supported / statements.length);
  const unsupported = statements.filter((s) => !s.supported);
  const reason = `${supported} of ${statements.length} statements are supported by the context${unsupported.length ? `; unsupported: ${unsupported.map((s) => `"${s.text}"`).join("; ")}` : ""}`;
  return { ...scored(score, threshold, reason, { ...base, model: cheapModel, statements, unsupportedSentences: [...new Set(unsupported.map((s) => s.sentence))] }), usage };
}
