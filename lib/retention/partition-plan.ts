/**
 * What retention does with one span partition covering start times before `to`, given the
 * projects with rows in it and each retained project's boundary (everything before it goes).
 * Pure, so the rules are tested on their own (partition-plan.test.ts).
 */
export type PartitionPlan = { action: "skip" } | { action: "drop" } | { action: "delete"; projects: string[] };

/** True when the whole range before `to` is past this boundary (a project without one keeps everything). */
export function expiredBy(boundary: Date | undefined, to: Date): boolean {
  return boundary !== undefined && boundary.getTime() >= to.getTime();
}

/** Whether any retention reaches the partition at all (else it is not worth looking into). */
export function reachedBy(boundaries: ReadonlyMap<string, Date>, to: Date): boolean {
  return [...boundaries.values()].some((b) => expiredBy(b, to));
}

export function planPartition(o: {
  to: Date;
  present: readonly string[];
  boundaries: ReadonlyMap<string, Date>;
  /** An empty partition this old may go (full passes only, and only outside the window the worker keeps). */
  emptyMayGo: boolean;
}): PartitionPlan {
  const expired = (projectId: string) => expiredBy(o.boundaries.get(projectId), o.to);
  if (o.present.length === 0) return o.emptyMayGo ? { action: "drop" } : { action: "skip" };
  // Whole: every project in it is past its boundary.
  if (o.present.every(expired)) return { action: "drop" };
  // Shared with a project that keeps it: only the expired projects' rows.
  const doomed = o.present.filter(expired);
  return doomed.length ? { action: "delete", projects: doomed } : { action: "skip" };
}
