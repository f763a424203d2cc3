import type { ChatCompletionResult } from "../../llm/chat-completion";
import { askJson, type Judge } from "./ask-json";
import { claimDisagreement, type OverlapBand } from "./rag-escalation";
import { checkVerdicts, VERDICTS_SHAPE, type VerdictKind, verdictMessages, verdictsSchema } from "./rag-prompts";

export type ClaimVerdict = {
  /** 1-based, in the order the items were given. */
  id: number;
  verdict: boolean;
  reason: string;
  /** Which model's verdict stands. */
  tier: "cheap" | "strong";
  /** Lexical overlap of the claim with what it was checked against (0–1). */
  overlap: number;
  /** Why the cheap verdict was sent to the strong model; null when it was not. */
  escalated: string | null;
};

export type ClaimsFailure = { tier: "cheap" | "strong"; model: string } & ({ kind: "parse_error"; problems: string[] } | { kind: "error"; message: string });
export type ClaimsOutcome = { cheapCalls: ChatCompletionResult[]; strongCalls: ChatCompletionResult[] } & ({ kind: "ok"; claims: ClaimVerdict[] } | ClaimsFailure);

/**
 * Verdicts on numbered claims (statements or passages), tiered: the cheap model judges all of
 * them in one call; with `strong`, the claims where its verdict and the lexical overlap disagree
 * (rag-escalation.ts) are judged again, in one call, by the strong model, whose verdicts stand.
 * A model that answers without the required JSON twice, or fails, fails the whole evaluation:
 * a partial set of verdicts is never scored.
 */
export async function judgeClaims(options: {
  judge: Judge; kind: VerdictKind; items: readonly string[]; against: Parameters<typeof verdictMessages>[2];
  overlaps: readonly number[]; cheapModel: string; strong?: { model: string; overlap: OverlapBand }; jsonMode: boolean; signal?: AbortSignal;
}): Promise<ClaimsOutcome> {
  const { judge, kind, items, against, overlaps, strong } = options;
  const ask = (model: string, subset: readonly string[]) => askJson({
    judge, model, messages: verdictMessages(kind, subset, against), schema: verdictsSchema, shape: VERDICTS_SHAPE,
    check: checkVerdicts(subset.length), jsonMode: options.jsonMode, signal: options.signal,
  });
  const cheap = await ask(options.cheapModel, items);
  if (cheap.kind !== "ok") return { ...failure(cheap, "cheap", options.cheapModel), cheapCalls: cheap.calls, strongCalls: [] };
  const byId = new Map(cheap.value.verdicts.map((v) => [v.id, v]));
  const claims: ClaimVerdict[] = items.map((_, i) => {
    const v = byId.get(i + 1)!;
    const verdict = v.verdict === "yes";
    return { id: i + 1, verdict, reason: v.reason, tier: "cheap", overlap: overlaps[i] ?? 0, escalated: strong ? claimDisagreement(verdict, overlaps[i] ?? 0, strong.overlap) : null };
  });
  const uncertain = claims.filter((c) => c.escalated !== null);
  if (!strong || uncertain.length === 0) return { kind: "ok", claims, cheapCalls: cheap.calls, strongCalls: [] };

  const second = await ask(strong.model, uncertain.map((c) => items[c.id - 1]!));
  if (second.kind !== "ok") return { ...failure(second, "strong", strong.model), cheapCalls: cheap.calls, strongCalls: second.calls };
  second.value.verdicts.forEach((v) => {
    const claim = uncertain[v.id - 1]!;
    claim.verdict = v.verdict === "yes";
    claim.reason = v.reason;
    claim.tier = "strong";
  });
  return { kind: "ok", claims, cheapCalls: cheap.calls, strongCalls: second.calls };
}

function failure(answer: { kind: "parse_error"; problems: string[] } | { kind: "error"; message: string }, tier: "cheap" | "strong", model: string): ClaimsFailure {
  return answer.kind === "parse_error" ? { kind: "parse_error", problems: answer.problems, tier, model } : { kind: "error", message: answer.message, tier, model };
}
