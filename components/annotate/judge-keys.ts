import type { Pick } from "@/lib/queries/annotation/keys";

export type JudgeAction = { type: "pick"; pick: Pick } | { type: "submit" } | { type: "skip" } | { type: "undo" } | { type: "help" };

const PICK_KEYS: Record<string, Pick> = { "1": "left", "2": "right", "3": "tie", "4": "both_bad" };

/** What a key press means on the annotator's page (null: not ours). */
export function judgeAction(key: string): JudgeAction | null {
  const pick = PICK_KEYS[key];
  if (pick) return { type: "pick", pick };
  if (key === "Enter") return { type: "submit" };
  if (key === "s") return { type: "skip" };
  if (key === "u") return { type: "undo" };
  if (key === "?") return { type: "help" };
  return null;
}

export const JUDGE_KEYS = [
  ["1", "left better"],
  ["2", "right better"],
  ["3", "tie"],
  ["4", "both bad"],
  ["Enter", "submit"],
  ["s", "skip"],
  ["u", "undo"],
  ["?", "keys"],
] as const;

export const PICK_LABEL: Record<Pick, string> = { left: "Left better", right: "Right better", tie: "Tie", both_bad: "Both bad" };
