import "server-only";
import { sqlPool } from "../db-sql-pool";
import { env } from "../env";
import { writeBatch } from "./write-batch";

const CHUNK = 1_000;

/**
 * The worker's pass over pending feedback (every five minutes):
 * 1. attaches feedback whose trace is stored after all, through the ingest write path (a trace
 *    committed between the feedback route's existence check and its pending insert found nothing
 *    to attach);
 * 2. drops what waited longer than PHAROS_PENDING_FEEDBACK_HOURS. Dropped, not kept: a trace that
 *    never came leaves nothing to count the vote under, and a public key is in every browser, so
 *    anyone can send made-up trace ids.
 */
export async function sweepPendingFeedback(options: { maxAgeHours?: number; now?: Date } = {}): Promise<{ attached: number; expired: number }> {
  const pool = sqlPool();
  let attached = 0;
  for (;;) {
    const { rows } = await pool.query<{ project_id: string; trace_id: string }>(
      `select distinct p.project_id, p.trace_id from pending_feedback p
       where exists (select 1 from traces t where t.project_id = p.project_id and t.id = p.trace_id)
       limit ${CHUNK}`,
    );
    if (!rows.length) break;
    const written = await writeBatch(pool, { spans: [], traces: [], scores: [], pendingTraces: rows.map((r) => ({ projectId: r.project_id, traceId: r.trace_id })) });
    attached += written.attachedFeedback ?? 0;
    // Another writer may have claimed them meanwhile; stop rather than spin.
    if (rows.length < CHUNK || !written.attachedFeedback) break;
  }
  const hours = options.maxAgeHours ?? env().PHAROS_PENDING_FEEDBACK_HOURS;
  const cutoff = new Date((options.now ?? new Date()).getTime() - hours * 3_600_000);
  const expired = await pool.query("delete from pending_feedback where created_at < $1", [cutoff]);
  return { attached, expired: expired.rowCount ?? 0 };
}
