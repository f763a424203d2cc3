import { env } from "../env";
import { AppError } from "../errors";

const perMinute = () => env().PHAROS_INGEST_RATE_LIMIT_PER_MINUTE;
const burst = () => env().PHAROS_INGEST_RATE_LIMIT_BURST ?? Math.max(100, perMinute() / 10);

type Bucket = { tokens: number; updatedAt: number };
const buckets = new Map<string, Bucket>();

/**
 * Token bucket per API key, in process memory: PER_MINUTE requests refill evenly, BURST
 * may arrive at once. Over the limit: 429 with the seconds until a token is free.
 */
export function takeRateLimitToken(apiKeyId: string, now = Date.now()): void {
  const PER_MINUTE = perMinute();
  const BURST = burst();
  const refillPerMs = PER_MINUTE / 60_000;
  const bucket = buckets.get(apiKeyId) ?? { tokens: BURST, updatedAt: now };
  bucket.tokens = Math.min(BURST, bucket.tokens + (now - bucket.updatedAt) * refillPerMs);
  bucket.updatedAt = now;
  buckets.set(apiKeyId, bucket);
  if (bucket.tokens < 1) {
    const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000));
    throw new AppError("RATE_LIMITED", `Rate limit of ${PER_MINUTE} requests per minute exceeded for this key`, undefined, { "Retry-After": String(retryAfter) });
  }
  bucket.tokens -= 1;
}
