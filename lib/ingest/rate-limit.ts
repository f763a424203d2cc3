import { env } from "../env";
import { AppError } from "../errors";

const perMinute = () => env().PHAROS_INGEST_RATE_LIMIT_PER_MINUTE;
const burst = () => env().PHAROS_INGEST_RATE_LIMIT_BURST ?? Math.max(100, perMinute() / 10);

type Bucket = { tokens: number; updatedAt: number };
const buckets = new Map<string, Bucket>();

/**
 * Token bucket per API key *and scope*, in process memory: PER_MINUTE requests refill evenly,
 * BURST may arrive at once. Over the limit: 429 with the seconds until a token is free. The
 * browser-safe public key has its own bucket, so whoever copies it from a web page can exhaust
 * only the feedback bucket, never the secret key's ingest.
 */
export function takeRateLimitToken(key: { apiKeyId: string; scope: "public" | "secret" }, now = Date.now()): void {
  take(`${key.apiKeyId}:${key.scope}`, perMinute(), burst(), now, `Rate limit of ${perMinute()} requests per minute exceeded for this ${key.scope} key`);
}

/**
 * Feedback per client IP as well: the public key is in every visitor's browser, so one
 * visitor must not be able to spend the whole key's budget. The IP is the last X-Forwarded-For
 * entry, the one Next's own server appends for the connection's peer.
 */
export function takeFeedbackIpToken(req: Request, now = Date.now()): void {
  const forwarded = (req.headers.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const ip = forwarded.at(-1) ?? "unknown";
  const limit = env().PHAROS_FEEDBACK_RATE_LIMIT_PER_IP_PER_MINUTE;
  take(`feedback-ip:${ip}`, limit, Math.max(10, Math.ceil(limit / 6)), now, `Rate limit of ${limit} feedback requests per minute exceeded for this client`);
}

function take(id: string, PER_MINUTE: number, BURST: number, now: number, message: string): void {
  const refillPerMs = PER_MINUTE / 60_000;
  const bucket = buckets.get(id) ?? { tokens: BURST, updatedAt: now };
  bucket.tokens = Math.min(BURST, bucket.tokens + (now - bucket.updatedAt) * refillPerMs);
  bucket.updatedAt = now;
  buckets.set(id, bucket);
  if (bucket.tokens < 1) {
    const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000));
    throw new AppError("RATE_LIMITED", message, undefined, { "Retry-After": String(retryAfter) });
  }
  bucket.tokens -= 1;
}
