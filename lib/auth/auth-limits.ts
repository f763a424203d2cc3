import { env } from "../env";
import { AppError } from "../errors";
import { clientIp, forgetBucket, refill, retryAfterSeconds, take } from "../ingest/rate-limit";

export { clientIp };

/** The longest a key stays locked between two allowed attempts, however often it was locked before. */
const MAX_BACKOFF_DOUBLINGS = 6;

/**
 * Failed password sign-ins, per account (email) and per client IP, in the process's token buckets
 * (lib/ingest/rate-limit.ts). Only failures take a token; a full bucket allows BURST failures in a
 * row, then one more per refill interval. Each further time a bucket runs dry the interval doubles
 * (backoff, up to 2^6×), and it resets once the key has been quiet long enough to refill completely.
 * A success clears the account's bucket (not the IP's: one right guess must not reopen a spray).
 */
type Limit = { id: string; burst: number; perMinute: number; label: string };
const lockouts = new Map<string, number>();

function signInLimits(options: { email: string; ip: string }): Limit[] {
  const e = env();
  return [
    limit(`signin-account:${options.email.trim().toLowerCase()}`, e.PHAROS_SIGNIN_FAILURES_PER_ACCOUNT, 15, "this account"),
    limit(`signin-ip:${options.ip}`, e.PHAROS_SIGNIN_FAILURES_PER_IP, 15, "this client"),
  ];
}

/** BURST failures refill over `minutes`, slowed by the key's backoff. */
function limit(id: string, burst: number, minutes: number, label: string): Limit {
  const doublings = Math.min(MAX_BACKOFF_DOUBLINGS, Math.max(0, (lockouts.get(id) ?? 0) - 1));
  return { id, burst, perMinute: burst / minutes / 2 ** doublings, label };
}

/** Throws 429 (Retry-After) when the account or the client has failed too often; takes nothing. */
export function assertSignInAllowed(options: { email: string; ip: string; now?: number }): void {
  const now = options.now ?? Date.now();
  for (const l of signInLimits(options)) {
    const bucket = refill(l.id, l.perMinute, l.burst, now);
    if (bucket.tokens >= l.burst) lockouts.delete(l.id);
    if (bucket.tokens < 1) {
      const retryAfter = retryAfterSeconds(bucket, l.perMinute);
      throw new AppError("RATE_LIMITED", `Too many failed sign-ins for ${l.label}; try again in ${retryAfter} s`, undefined, { "Retry-After": String(retryAfter) });
    }
  }
}

export function recordSignInFailure(options: { email: string; ip: string; now?: number }): void {
  const now = options.now ?? Date.now();
  for (const l of signInLimits(options)) {
    const bucket = refill(l.id, l.perMinute, l.burst, now);
    bucket.tokens = Math.max(0, bucket.tokens - 1);
    if (bucket.tokens < 1) lockouts.set(l.id, (lockouts.get(l.id) ?? 0) + 1);
  }
}

export function recordSignInSuccess(options: { email: string }): void {
  const id = `signin-account:${options.email.trim().toLowerCase()}`;
  forgetBucket(id);
  lockouts.delete(id);
}

/**
 * Sign-ups per client IP (PHAROS_SIGNUP_PER_IP_PER_HOUR) and per email address (a third of it, at
 * least 2): each may send a mail, so the per-address limit keeps Pharos from mail-bombing someone.
 */
export function takeSignUpToken(options: { email: string; ip: string; now?: number }): void {
  const now = options.now ?? Date.now();
  const perHour = env().PHAROS_SIGNUP_PER_IP_PER_HOUR;
  take(`signup-ip:${options.ip}`, perHour / 60, perHour, now, `Too many sign-ups from this client; at most ${perHour} an hour`);
  const perEmail = Math.max(2, Math.floor(perHour / 3));
  take(`signup-email:${options.email.trim().toLowerCase()}`, perEmail / 60, perEmail, now, `Too many sign-ups for this email address; at most ${perEmail} an hour`);
}
