import "server-only";
import { db } from "../db";
import type { DriftWindow } from "../schemas/drift";

/**
 * The `drift` alert measure: the report's DECISION, not a raw distance. For each field ×
 * embedding model, the newest finished unfiltered report of the last two days is read, and its
 * latest CLOSED window (the open one is a partial sample) counts when it was flagged drifted —
 * Holm-significant and above the effect floor. The value is the largest noise-corrected,
 * scale-free effect among those flagged windows, 0 when none is flagged (a rule "drift > 0"
 * fires on any decision; a higher threshold asks for a larger effect), and null when there is
 * no recent report with a closed tested window. Reports from before effects were stored count
 * their flagged window's effect as 0 + ε, so they still fire a "> 0" rule.
 *
 * (The name is kept because lib/alerts/evaluate-alerts.ts calls it; it is no longer a distance.)
 */
export async function latestDriftDistance(projectId: string, now = new Date()): Promise<number | null> {
  const reports = await db.driftReport.findMany({
    where: { projectId, status: "done", completedAt: { gte: new Date(now.getTime() - 2 * 86_400_000) } },
    orderBy: { createdAt: "desc" },
    select: { field: true, model: true, windows: true, filters: true },
    take: 50,
  });
  const seen = new Set<string>();
  let value: number | null = null;
  for (const r of reports) {
    const key = `${r.field}\u0000${r.model}`;
    if (r.filters !== null || seen.has(key)) continue;
    seen.add(key);
    const effect = closedWindowEffect(r.windows as DriftWindow[]);
    if (effect !== null) value = Math.max(value ?? 0, effect);
  }
  return value;
}

/**
 * The latest closed tested window's effect when it is flagged, 0 when not, null when there is
 * none. "Closed" as of the report: a window still open then stays a partial sample in it.
 */
export function closedWindowEffect(windows: readonly DriftWindow[]): number | null {
  const latest = [...windows].reverse().find((w) => !w.partial && !w.insufficient);
  if (!latest) return null;
  return latest.drifted ? Math.max(latest.effect ?? 0, 1e-9) : 0;
}
