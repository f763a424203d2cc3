import { type EvalCase, type EvalContext, type EvalResult, cannotScore, scored } from "../types";
import { checkStatements } from "./check-statements";
import { type ClaimParams, claimParams, failedEvaluation, keptPassages, ragCase } from "./rag-common";
import { round } from "./rag-text";

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
  const { threshold } = params;
  const judge = ctx.judge;
  if (!judge) return cannotScore(threshold, "no judge connection configured for faithfulness");
  const rc = ragCase(c);
  if (!rc.passages.length) return cannotScore(threshold, "no context: faithfulness needs the retrieved passages (contexts) to check the answer against");
  const checked = await checkStatements({ judge, params, rc, text: rc.answer, signal: ctx.signal, what: "the answer", none: "the answer makes no statements to check", whyOf: "statements" });
  if (checked.kind === "done") return checked.result;
  const { cheapModel, split, coverage, outcome, usage, tiered } = checked;
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
