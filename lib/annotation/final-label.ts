import type { Choice } from "../schemas/annotation";
import { uniqueTop } from "./agreement";

export type FinalLabel = { choice: Choice | null; by: "adjudication" | "majority" | null; agreement: number | null };

/**
 * The final label of a pair: the adjudicated one, else the majority, else undecided. A majority
 * is a choice held by more than half of the k judgments wanted, or — once all k are in — the
 * unique most common choice. `agreement` is the share of the pair's judgments that hold the
 * final label (null without judgments).
 */
export function finalLabel(options: { adjudicated: string | null; choices: string[]; k: number }): FinalLabel {
  const { choices, k } = options;
  const counts = new Map<string, number>();
  for (const c of choices) counts.set(c, (counts.get(c) ?? 0) + 1);
  const share = (c: string) => (choices.length ? (counts.get(c) ?? 0) / choices.length : null);
  if (options.adjudicated) return { choice: options.adjudicated as Choice, by: "adjudication", agreement: share(options.adjudicated) };
  const top = uniqueTop(counts);
  if (top !== null && ((counts.get(top) ?? 0) > k / 2 || choices.length >= k)) return { choice: top as Choice, by: "majority", agreement: share(top) };
  return { choice: null, by: null, agreement: choices.length ? Math.max(...counts.values()) / choices.length : null };
}

/** Pairs where the judgments in hand disagree (what a lead adjudicates). */
export function disagrees(choices: string[]): boolean {
  return new Set(choices).size > 1;
}
