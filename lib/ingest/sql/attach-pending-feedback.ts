import { userFeedbackScore } from "../feedback-score";
import type { ScoreRow, WriteBatch } from "../rows";

/**
 * Feedback that arrived before its trace (pending_feedback) becomes a user_feedback score when a
 * batch writes the trace: one statement per batch, run in the write transaction after the traces
 * are upserted and before the scores are inserted, so the claimed rows go through the same score
 * insert (rollup, triage rules) as feedback for a known trace, and a failed batch leaves them pending.
 *
 * Cost on the hot path: one probe of pending_feedback(project_id, trace_id) per distinct trace of
 * the batch, nothing per span. The delete claims each row once: a concurrent writer of the same
 * trace waits on the row lock and then finds it gone, so a re-sent trace cannot count it twice.
 * Rows are locked in key order (the `for update` sub-select) so two writers never deadlock.
 * Pairs match on (project_id, trace_id): another project's trace with the same id claims nothing.
 */
export const ATTACH_PENDING_FEEDBACK_SQL = `
with batch as (
  select distinct project_id, trace_id from unnest($1::text[], $2::text[]) as u(project_id, trace_id)
),
claimed as (
  select p.project_id, p.id from pending_feedback p
  join batch b on b.project_id = p.project_id and b.trace_id = p.trace_id
  order by p.project_id, p.id
  for update of p
)
delete from pending_feedback p using claimed c
where p.project_id = c.project_id and p.id = c.id
returning p.project_id, p.id, p.trace_id, p.span_id, p.number_value, p.comment, p.created_at`;

export type PendingRow = { project_id: string; id: string; trace_id: string; span_id: string | null; number_value: number; comment: string | null; created_at: Date };

/** The (project, trace) pairs whose traces this batch writes (spans and trace events), once each; null when none. */
export function attachPendingFeedbackParams(batch: Pick<WriteBatch, "spans" | "traces" | "pendingTraces">): [string[], string[]] | null {
  const seen = new Set<string>();
  const projects: string[] = [];
  const traces: string[] = [];
  const add = (projectId: string, traceId: string) => {
    const key = `${projectId}\u0000${traceId}`;
    if (seen.has(key)) return;
    seen.add(key);
    projects.push(projectId);
    traces.push(traceId);
  };
  for (const s of batch.spans) add(s.projectId, s.traceId);
  for (const t of batch.traces) add(t.projectId, t.id);
  for (const p of batch.pendingTraces ?? []) add(p.projectId, p.traceId);
  return projects.length ? [projects, traces] : null;
}

/** A claimed pending row as the score it always meant to be. */
export function pendingToScore(row: PendingRow): ScoreRow {
  return userFeedbackScore({ projectId: row.project_id, id: row.id, traceId: row.trace_id, spanId: row.span_id, up: row.number_value === 1, comment: row.comment, createdAt: row.created_at });
}
