import "server-only";
import { createHash } from "node:crypto";
import { db } from "../db";

/**
 * Token buckets in Postgres (`rate_limit_buckets`), shared by every web process: the security
 * limits, where N replicas must not mean N× the attempts (README.md beside this file). PER_MINUTE
 * tokens refill evenly up to BURST; with `backoff`, each time the bucket runs dry its refill
 * slows by half (at most 2^6×) until it has been quiet long enough to fill up again.
 */
export type SharedLimit = { scope: string; key: string; burst: number; perMinute: number; backoff?: boolean };

/** What runs the SQL: the app's Prisma client by default; tests pass another connection as a second process would have. */
export type LimiterSql = { query<T>(text: string, values: unknown[]): Promise<T[]> };
type Options = { now?: Date; sql?: LimiterSql };

export const MAX_BACKOFF_DOUBLINGS = 6;

const prismaSql: LimiterSql = { query: (text, values) => db.$queryRawUnsafe(text, ...values) };

// $1 scope, $2 hashed key, $3 burst, $4 tokens per ms, $5 backoff doublings allowed (0: none), $6 now (null: the database's), $7 ttl ms.
const NOW = "coalesce($6::timestamptz, now())";
/** The bucket `b` refilled up to now, at its backoff-slowed rate; rounded so that waiting exactly Retry-After yields a whole token despite float noise. */
const REFILLED = `least($3::float8, round((b.tokens + greatest(0, extract(epoch from (${NOW} - b.updated_at))::float8 * 1000)
  * $4::float8 / power(2, least($5::int, greatest(0, b.lockouts - 1))))::numeric, 9)::float8)`;

/**
 * One attempt: one statement. An upsert takes a token when the refilled bucket has one (a new
 * bucket starts full); its row lock makes concurrent attempts from any process queue on the row,
 * each seeing the last one's count, so N parallel attempts never get more than BURST tokens. A
 * refused attempt changes nothing and reads the bucket back for Retry-After.
 */
const TAKE = `with attempt as (
  insert into rate_limit_buckets as b (scope, key, tokens, lockouts, updated_at, expires_at)
  values ($1, $2, $3::float8 - 1, case when $3::float8 - 1 < 1 and $5::int > 0 then 1 else 0 end, ${NOW}, ${NOW} + $7::float8 * interval '1 millisecond')
  on conflict (scope, key) do update set (tokens, lockouts, updated_at, expires_at) = (
    select r.tokens - 1,
           -- a full bucket forgets its lockouts; running dry adds one
           case when r.tokens >= $3::float8 then 0 else b.lockouts end + case when r.tokens - 1 < 1 and $5::int > 0 then 1 else 0 end,
           ${NOW}, ${NOW} + $7::float8 * interval '1 millisecond'
      from (select ${REFILLED} as tokens) r)
  where ${REFILLED} >= 1
  returning b.tokens, b.lockouts
)
select true as granted, tokens, lockouts from attempt
union all
select false, ${REFILLED}, b.lockouts from rate_limit_buckets b
 where b.scope = $1 and b.key = $2 and not exists (select 1 from attempt)`;

const PEEK = `select ${REFILLED} as tokens, b.lockouts from rate_limit_buckets b where b.scope = $1 and b.key = $2`;

export type Take = { granted: true; emptied: boolean } | { granted: false; retryAfter: number };

/** Takes a token from the shared bucket, or says how many seconds until one is free. */
export async function takeSharedToken(limit: SharedLimit, options: Options = {}): Promise<Take> {
  const rows = await run<{ granted: boolean; tokens: number; lockouts: number }>(TAKE, limit, options);
  const row = rows[0];
  // No row and no grant: it was created by a concurrent attempt after this statement's snapshot.
  if (!row) return { granted: false, retryAfter: retryAfterSeconds(0, limit, 0) };
  if (row.granted) return { granted: true, emptied: row.tokens < 1 };
  return { granted: false, retryAfter: retryAfterSeconds(row.tokens, limit, row.lockouts) };
}

/** Seconds until the bucket has a token, or null if it has one now; takes nothing. */
export async function peekSharedBucket(limit: SharedLimit, options: Options = {}): Promise<number | null> {
  const row = (await run<{ tokens: number; lockouts: number }>(PEEK, limit, options))[0];
  if (!row || row.tokens >= 1) return null;
  return retryAfterSeconds(row.tokens, limit, row.lockouts);
}

/** Gives back a token taken for an attempt that turned out not to count (and the lockout it caused). */
export async function refundSharedToken(limit: SharedLimit, taken: { emptied: boolean }, options: Options = {}): Promise<void> {
  await (options.sql ?? prismaSql).query(
    `update rate_limit_buckets set tokens = least($3::float8, tokens + 1), lockouts = case when $4::boolean then greatest(0, lockouts - 1) else lockouts end
      where scope = $1 and key = $2 returning 1`,
    [limit.scope, hashKey(limit.key), limit.burst, taken.emptied && Boolean(limit.backoff)],
  );
}

/** Forgets the bucket: it starts full, with no lockouts. */
export async function clearSharedBucket(limit: Pick<SharedLimit, "scope" | "key">, options: Options = {}): Promise<void> {
  await (options.sql ?? prismaSql).query("delete from rate_limit_buckets where scope = $1 and key = $2 returning 1", [limit.scope, hashKey(limit.key)]);
}

function run<T>(text: string, limit: SharedLimit, options: Options): Promise<T[]> {
  const perMs = limit.perMinute / 60_000;
  const doublings = limit.backoff ? MAX_BACKOFF_DOUBLINGS : 0;
  // After this long without attempts the bucket is full again even at the slowest rate: the row means nothing.
  const ttlMs = Math.ceil((limit.burst / perMs) * 2 ** doublings);
  const values = [limit.scope, hashKey(limit.key), limit.burst, perMs, doublings, options.now ?? null, ttlMs];
  return (options.sql ?? prismaSql).query<T>(text, text === PEEK ? values.slice(0, 6) : values);
}

/** Whole seconds until `tokens` reaches one at the bucket's (backoff-slowed) rate. */
function retryAfterSeconds(tokens: number, limit: SharedLimit, lockouts: number): number {
  const doublings = limit.backoff ? Math.min(MAX_BACKOFF_DOUBLINGS, Math.max(0, lockouts - 1)) : 0;
  const perMs = limit.perMinute / 60_000 / 2 ** doublings;
  // The epsilon keeps float noise (180.0000001 s) from adding a second.
  return Math.max(1, Math.ceil((1 - tokens) / perMs / 1000 - 1e-6));
}

/** Emails and client addresses are stored only as hashes: the table says how often, not who. */
function hashKey(key: string): string {
  return createHash("sha256").update(key).digest("base64url");
}
