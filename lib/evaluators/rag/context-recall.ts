import { type EvalCase, type EvalContext, type EvalResult, cannotScore, scored } from "../types";
import { checkStatements } from "./check-statements";
import { type ClaimParams, claimParams, failedEvaluation, keptPassages, ragCase } from "./rag-common";
import { round } from "./rag-text";

export const contextRecallParams = claimParams(0.7);

/**
 * Context recall: does the retrieved context cover the expected answer? The expected answer is
 * split into statements; the score is the share of them the passages support. Needs an
 * expected answer (a golden item's expected output).
 */
export async function contextRecall(params: ClaimParams, c: EvalCase, ctx: EvalContext): Promise<EvalResult> {
  const { threshold } = params;
  const judge = ctx.judge;
  if (!judge) return cannotScore(threshold, "no judge connection configured for context_recall");
  const rc = ragCase(c);
  if (rc.expected === null) return cannotScore(threshold, "no expected answer: context recall compares the context with the expected output");
  if (!rc.passages.length) return cannotScore(threshold, "no context: context recall needs the retrieved passages (contexts)");
  const checked = await checkStatements({ judge, params, rc, text: rc.expected, signal: ctx.signal, what: "the expected answer", none: "the expected answer makes no statements", whyOf: "expected statements" });
  if (checked.kind === "done") return checked.result;
  const { cheapModel, split, outcome, usage, tiered } = checked;
  const base = { passages: keptPassages(rc.passages), ...(tiered ? { tiered } : {}) };
  if (outcome.kind !== "ok") return failedEvaluation(threshold, "checking the expected statements against the context", outcome, usage, base);
  const statements = outcome.claims.map((cl, i) => ({ text: split.statements[i]!.text, covered: cl.verdict, reason: cl.reason, tier: cl.tier, overlap: cl.overlap, escalated: cl.escalated }));
  const covered = statements.filter((s) => s.covered).length;
  const missing = statements.filter((s) => !s.covered);
  const reason = `the context covers ${covered} of ${statements.length} statements of the expected answer${missing.length ? `; missing: ${missing.map((s) => `"${s.text}"`).join("; ")}` : ""}`;
  return { ...scored(round(covered / statements.length), threshold, reason, { ...base, model: cheapModel, statements }), usage };
}
