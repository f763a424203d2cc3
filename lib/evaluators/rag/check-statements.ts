import type { EvalContext } from "../types";
import { judgeClaims } from "./judge-claims";
import { type ClaimParams, failedEvaluation, notApplicable, ragCase, splitStatements, tieredRecord } from "./rag-common";
import { bestCoverage, termsOf } from "./rag-text";

type Judge = NonNullable<EvalContext["judge"]>;

/**
 * The shared path of faithfulness and context recall: split `text` into statements (cheap
 * model), judge each against the passages with escalation where the verdict and the lexical
 * overlap disagree, and total the tiered usage. An early end (empty text, no statements, a
 * failed split) comes back as `result`; a failed judging comes back for the caller to word.
 */
export async function checkStatements(options: {
  judge: Judge; params: ClaimParams; rc: ReturnType<typeof ragCase>; text: string; signal?: AbortSignal;
  /** How the text is named in reasons: "the answer", "the expected answer". */
  what: string; none: string; whyOf: string;
}) {
  const { judge, params, rc, text, what } = options;
  const { threshold, jsonMode, escalation } = params;
  const cheapModel = params.model ?? judge.model;
  const split = await splitStatements({ judge, model: cheapModel, question: rc.question, text, jsonMode, signal: options.signal });
  const splitUsage = tieredRecord({ judge, cheapModel, strongModel: escalation?.model, cheapCalls: split.calls, strongCalls: [], claims: 0, escalatedClaims: 0, reason: null, why: null });
  if (split.kind === "empty") return { kind: "done" as const, result: notApplicable(threshold, `${what} is empty`) };
  if (split.kind !== "ok") return { kind: "done" as const, result: failedEvaluation(threshold, `splitting ${what} into statements`, { ...split, tier: "cheap", model: cheapModel }, splitUsage.usage) };
  if (split.statements.length === 0) return { kind: "done" as const, result: notApplicable(threshold, options.none, splitUsage.usage) };

  const passageTerms = rc.passages.map((p) => termsOf(p.content));
  const coverage = split.statements.map((s) => bestCoverage(s.text, passageTerms));
  const outcome = await judgeClaims({
    judge, kind: "support", items: split.statements.map((s) => s.text), against: { passages: rc.passages.map((p) => p.content) },
    overlaps: coverage.map((o) => o.overlap), cheapModel, strong: escalation, jsonMode, signal: options.signal,
  });
  const escalatedClaims = outcome.kind === "ok" ? outcome.claims.filter((cl) => cl.escalated).length : 0;
  const { usage, tiered } = tieredRecord({
    judge, cheapModel, strongModel: escalation?.model, cheapCalls: [...split.calls, ...outcome.cheapCalls], strongCalls: outcome.strongCalls,
    claims: split.statements.length, escalatedClaims, reason: "disagreement",
    why: escalatedClaims ? `${escalatedClaims} of ${split.statements.length} ${options.whyOf}: the cheap verdict and the lexical overlap disagree` : null,
  });
  return { kind: "checked" as const, cheapModel, split, coverage, outcome, usage, tiered };
}

