/** Triage item statuses and the only transitions between them. */
export const TRIAGE_STATUSES = ["open", "investigating", "resolved", "ignored"] as const;
export type TriageStatus = (typeof TRIAGE_STATUSES)[number];

const TRANSITIONS: Record<TriageStatus, readonly TriageStatus[]> = {
  open: ["investigating", "resolved", "ignored"],
  investigating: ["open", "resolved", "ignored"],
  // Closed items can only be reopened; to ignore a resolved item, reopen it first.
  resolved: ["open"],
  ignored: ["open"],
};

export function isTriageStatus(value: string): value is TriageStatus {
  return (TRIAGE_STATUSES as readonly string[]).includes(value);
}

export function allowedTransitions(from: TriageStatus): readonly TriageStatus[] {
  return TRANSITIONS[from];
}

/** Setting the status an item already has is a no-op, not a transition, so it is allowed. */
export function canTransition(from: string, to: TriageStatus): boolean {
  if (from === to) return true;
  return isTriageStatus(from) && TRANSITIONS[from].includes(to);
}

/** Why a transition is refused, naming it: "cannot move from resolved to ignored (allowed: open)". */
export function transitionProblem(from: string, to: TriageStatus): string | null {
  if (canTransition(from, to)) return null;
  const allowed = isTriageStatus(from) ? TRANSITIONS[from].join(", ") : "none";
  return `cannot move from ${from} to ${to} (allowed from ${from}: ${allowed})`;
}

/** resolvedAt after a status change: set when an item is closed as resolved, cleared when it leaves resolved. */
export function nextResolvedAt(from: string, to: TriageStatus, current: Date | null, now: Date): Date | null {
  if (to === "resolved") return from === "resolved" ? current : now;
  return null;
}
