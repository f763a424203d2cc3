import { env } from "../env";
import { take } from "../ingest/rate-limit";

/**
 * Guard calls have their own token bucket per secret key (not ingest's): an application guards
 * each LLM call twice, on the request path, and must not be throttled by its own trace uploads.
 * In process memory, per replica, like ingest's (docs/scaling.md).
 */
export function takeGuardRateLimitToken(key: { apiKeyId: string }, now = Date.now()): void {
  const limit = env().PHAROS_GUARD_RATE_LIMIT_PER_MINUTE;
  take(`${key.apiKeyId}:guard`, limit, Math.max(100, limit / 10), now, `Rate limit of ${limit} guard calls per minute exceeded for this key`);
}
