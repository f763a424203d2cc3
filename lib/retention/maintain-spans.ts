import { sqlPool } from "../db-sql-pool";
import { applyRetention, type RetentionOptions, type RetentionResult } from "./apply-retention";
import { ensureSpanPartitions } from "./span-partitions";

/**
 * The worker's hourly pass over `spans`: first the daily partitions of the coming days (and of the
 * last few, for late spans), then every project's retention. One pass at a time across workers (a
 * session advisory lock, waited for: a second pass then finds little left to do).
 */
export async function maintainSpans(options: Partial<RetentionOptions> = {}): Promise<RetentionResult & { createdPartitions: string[] }> {
  const now = options.now ?? new Date();
  const client = await sqlPool().connect();
  let broken: Error | undefined;
  try {
    await client.query(`select pg_advisory_lock(hashtext('pharos:span-maintenance'))`);
    try {
      const createdPartitions = await ensureSpanPartitions(client, { now });
      return { createdPartitions, ...(await applyRetention(client, { ...options, now })) };
    } finally {
      await client.query(`select pg_advisory_unlock(hashtext('pharos:span-maintenance'))`).catch((e: Error) => (broken = e));
    }
  } finally {
    // A connection that could not unlock is closed (its lock ends with the session), not pooled.
    client.release(broken);
  }
}
