import "server-only";
import { db } from "../db";

/**
 * Deletes buckets that have refilled completely (`expires_at` passed): such a row limits nothing
 * a missing one would not. Keeps the table as small as the set of clients and accounts that
 * failed recently; run by the worker every ten minutes.
 */
export async function sweepRateLimitBuckets(options: { now?: Date } = {}): Promise<number> {
  return db.$executeRawUnsafe("delete from rate_limit_buckets where expires_at < coalesce($1::timestamptz, now())", options.now ?? null);
}
