import type { ChatCompletionResult } from "../llm/chat-completion";
import type { PriceOverride } from "../pricing/price-overrides";
import { priceSpan } from "../pricing/price-span";

/** Pure parts of the tiered judge: when a cheap verdict is uncertain enough to ask the strong model, and what judging with the strong model alone would have cost. */

export type EscalationRule = { band?: { min: number; max: number }; samples: number };
export type EscalationReason = "disagreement" | "band";
export type EscalationDecision = { escalate: false; reason: null; why: null } | { escalate: true; reason: EscalationReason; why: string };

/**
 * Escalate when the cheap judge's samples disagree (any two scores differ), or when its score
 * lies in the band (inclusive). Disagreement is checked first: a split vote has no one score
 * to place in the band. `scores` are the cheap samples in order, at least one.
 */
export function escalationDecision(scores: readonly number[], rule: EscalationRule): EscalationDecision {
  if (scores.length >= 2 && new Set(scores).size > 1) return { escalate: true, reason: "disagreement", why: `the cheap judge's ${scores.length} samples disagree (${scores.join(", ")})` };
  const score = scores[0]!;
  const band = rule.band;
  if (band && score >= band.min && score <= band.max) {
    return { escalate: true, reason: "band", why: `the cheap score ${score} is in the uncertain band ${band.min === band.max ? band.min : `${band.min}–${band.max}`}` };
  }
  return { escalate: false, reason: null, why: null };
}

/**
 * The cheap calls' token counts priced at the strong model's price, by the same pricing code
 * (catalogue and the connection's price overrides) chatCompletion uses: what judging this item
 * with the strong model alone would have cost. null when the strong model has no price.
 */
export function priceAsModel(options: { calls: readonly ChatCompletionResult[]; model: string; overrides?: PriceOverride[] }): number | null {
  let total = 0;
  for (const call of options.calls) {
    const cost = priceSpan({ model: options.model, provider: null, usage: call.usage, startTime: call.startedAt, input: null, output: null, overrides: options.overrides });
    if (cost.totalCost === null) return null;
    total += cost.totalCost;
  }
  return Math.round(total * 1e10) / 1e10;
}
