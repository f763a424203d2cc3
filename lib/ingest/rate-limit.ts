import { env } from "../env";
import { AppError } from "../errors";

const perMinute = () => env().PHAROS_INGEST_RATE_LIMIT_PER_MINUTE;
const burst = () => env().PHAROS_INGEST_RATE_LIMIT_BURST ?? Math.max(100, perMinute() / 10);

export type Bucket = { tokens: number; updatedAt: number };
const buckets = new Map<string, Bucket>();

/**
 * Token bucket per API key *and scope*, in process memory (per replica: the hot path; the
 * security limits are shared through Postgres instead, lib/rate-limit/): PER_MINUTE requests refill evenly,
 * BURST may arrive at once. Over the limit: 429 with the seconds until a token is free. The
 * browser-safe public key has its own bucket, so whoever copies it from a web page can exhaust
 * only the feedback bucket, never the secret key's ingest.
 */
export function takeRateLimitToken(key: { apiKeyId: string; scope: "public" | "secret" }, now = Date.now()): void {
  take(`${key.apiKeyId}:${key.scope}`, perMinute(), burst(), now, `Rate limit of ${perMinute()} requests per minute exceeded for this ${key.scope} key`);
}

/** Takes a token from bucket `id` (PER_MINUTE refill, BURST capacity), or throws 429 with Retry-After. */
export function take(id: string, PER_MINUTE: number, BURST: number, now: number, message: string): void {
  const bucket = refill(id, PER_MINUTE, BURST, now);
  if (bucket.tokens < 1) throw new AppError("RATE_LIMITED", message, undefined, { "Retry-After": String(retryAfterSeconds(bucket, PER_MINUTE)) });
  bucket.tokens -= 1;
}

/** The bucket `id` refilled up to `now` (created full), without taking a token: for limits that charge only failures. */
export function refill(id: string, PER_MINUTE: number, BURST: number, now: number): Bucket {
  const bucket = buckets.get(id) ?? { tokens: BURST, updatedAt: now };
  // Rounded so that waiting exactly Retry-After seconds yields a whole token despite float noise.
  bucket.tokens = Math.min(BURST, Math.round((bucket.tokens + Math.max(0, now - bucket.updatedAt) * (PER_MINUTE / 60_000)) * 1e9) / 1e9);
  bucket.updatedAt = now;
  buckets.set(id, bucket);
  return bucket;
}

/** Whole seconds until the bucket holds one token again. */
export function retryAfterSeconds(bucket: Bucket, PER_MINUTE: number): number {
  // The epsilon keeps float noise (180.0000001 s) from adding a second.
  return Math.max(1, Math.ceil((1 - bucket.tokens) / (PER_MINUTE / 60_000) / 1000 - 1e-6));
}

export function forgetBucket(id: string): void {
  buckets.delete(id);
}
