import { createHash } from "node:crypto";
import type { Choice, Pick } from "../schemas/annotation";

/**
 * Which of the pair's responses an annotator sees on the left: a hash of (pair, annotator), so
 * it is random across pairs and annotators yet the same on every reload, undo and prefetch.
 */
export function leftSideFor(pairId: string, userId: string): "A" | "B" {
  return createHash("sha256").update(`${pairId}\u0000${userId}`).digest()[0]! & 1 ? "B" : "A";
}

/** A key press (screen terms) as a verdict in the pair's own A/B terms. */
export function pickToChoice(pick: Pick, leftSide: "A" | "B"): Choice {
  if (pick === "tie" || pick === "both_bad") return pick;
  const other = leftSide === "A" ? "B" : "A";
  return pick === "left" ? leftSide : other;
}
