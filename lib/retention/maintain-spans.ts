import { sqlPool } from "../db-sql-pool";
import { applyRetention, type RetentionOptions, type RetentionResult } from "./apply-retention";
import { ensureSpanPartitions } from "./span-partitions";

export type MaintenanceResult = (RetentionResult & { createdPartitions: string[]; analyzed: boolean; skipped?: false }) | { skipped: true };

/**
 * The worker's hourly pass over `spans`: first the daily partitions of the coming days (and of the
 * last few, for late spans), then every project's retention, then ANALYZE of the partitioned table
 * as a whole — autovacuum analyzes each partition but never the parent, whose statistics the
 * planner uses for queries and joins over all of `spans`. One pass at a time across workers: a
 * session advisory lock, and a pass that finds it taken skips (the running one does the work).
 */
export async function maintainSpans(options: Partial<RetentionOptions> = {}): Promise<MaintenanceResult> {
  const now = options.now ?? new Date();
  const client = await sqlPool().connect();
  let broken: Error | undefined;
  try {
    const { rows } = await client.query<{ locked: boolean }>(`select pg_try_advisory_lock(hashtext('pharos:span-maintenance')) as locked`);
    if (!rows[0]!.locked) return { skipped: true };
    try {
      const createdPartitions = await ensureSpanPartitions(client, { now, lockTimeoutMs: options.lockTimeoutMs });
      const retention = await applyRetention(client, { ...options, now });
      await client.query("analyze spans");
      return { createdPartitions, ...retention, analyzed: true };
    } finally {
      await client.query(`select pg_advisory_unlock(hashtext('pharos:span-maintenance'))`).catch((e: Error) => (broken = e));
    }
  } finally {
    // A connection that could not unlock is closed (its lock ends with the session), not pooled.
    client.release(broken);
  }
}
