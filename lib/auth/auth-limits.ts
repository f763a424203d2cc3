import "server-only";
import { clientIpBucket } from "../client-ip/client-ip";
import { env } from "../env";
import { AppError } from "../errors";
import { clearSharedBucket, type LimiterSql, peekSharedBucket, refundSharedToken, type SharedLimit, takeSharedToken } from "../rate-limit/shared-bucket";

export { clientIp } from "../client-ip/client-ip";

type Options = { email: string; ip: string; now?: Date; sql?: LimiterSql };
type Limit = SharedLimit & { label: string };

/**
 * Failed password sign-ins, per account (email) and per client address, in the shared buckets
 * (lib/rate-limit/shared-bucket.ts, one budget for all web processes). BURST failures in a row,
 * then one more per refill interval (BURST over 15 minutes); each further time a bucket runs dry
 * the interval doubles (up to 2^6×), until the key has been quiet long enough to refill.
 */
function signInLimits(options: Pick<Options, "email" | "ip">): [Limit, Limit] {
  const e = env();
  const account = e.PHAROS_SIGNIN_FAILURES_PER_ACCOUNT;
  const client = e.PHAROS_SIGNIN_FAILURES_PER_IP;
  return [
    { scope: "signin-account", key: options.email.trim().toLowerCase(), burst: account, perMinute: account / 15, backoff: true, label: "this account" },
    { scope: "signin-ip", key: clientIpBucket(options.ip), burst: client, perMinute: client / 15, backoff: true, label: "this client" },
  ];
}

function tooMany(limit: Limit, retryAfter: number): AppError {
  return new AppError("RATE_LIMITED", `Too many failed sign-ins for ${limit.label}; try again in ${retryAfter} s`, undefined, { "Retry-After": String(retryAfter) });
}

/** Throws 429 (Retry-After) when the account or the client is locked out; takes nothing (the route's early answer). */
export async function assertSignInAllowed(options: Options): Promise<void> {
  for (const limit of signInLimits(options)) {
    const retryAfter = await peekSharedBucket(limit, options);
    if (retryAfter !== null) throw tooMany(limit, retryAfter);
  }
}

export type SignInAttempt = {
  /** The password was right: the account's failures are forgotten, the client's token is given back (one right guess must not reopen a spray, so its earlier failures stay). */
  succeeded(): Promise<void>;
  /** The attempt is not a failure either (right password, email not verified yet): both tokens go back. */
  notCounted(): Promise<void>;
};

/**
 * Takes one failure's token from the account's and the client's buckets *before* the password
 * is checked, or throws 429: counting after the check would let N parallel guesses all pass the
 * check before any was counted. Wrong passwords and unknown emails keep the tokens spent.
 */
export async function reserveSignInAttempt(options: Options): Promise<SignInAttempt> {
  const [account, client] = signInLimits(options);
  const forAccount = await takeSharedToken(account, options);
  if (!forAccount.granted) throw tooMany(account, forAccount.retryAfter);
  const forClient = await takeSharedToken(client, options);
  if (!forClient.granted) {
    await refundSharedToken(account, forAccount, options);
    throw tooMany(client, forClient.retryAfter);
  }
  return {
    succeeded: async () => {
      await clearSharedBucket(account, options);
      await refundSharedToken(client, forClient, options);
    },
    notCounted: async () => {
      await refundSharedToken(account, forAccount, options);
      await refundSharedToken(client, forClient, options);
    },
  };
}

/**
 * Sign-ups per client (PHAROS_SIGNUP_PER_IP_PER_HOUR) and per email address (a third of it, at
 * least 2), shared by all web processes: each may send a mail, so the per-address limit keeps
 * Pharos from mail-bombing someone.
 */
export async function takeSignUpToken(options: Options): Promise<void> {
  const perHour = env().PHAROS_SIGNUP_PER_IP_PER_HOUR;
  const client = await takeSharedToken({ scope: "signup-ip", key: clientIpBucket(options.ip), burst: perHour, perMinute: perHour / 60 }, options);
  if (!client.granted) throw rateLimited(`Too many sign-ups from this client; at most ${perHour} an hour`, client.retryAfter);
  const perEmail = Math.max(2, Math.floor(perHour / 3));
  const email = await takeSharedToken({ scope: "signup-email", key: options.email.trim().toLowerCase(), burst: perEmail, perMinute: perEmail / 60 }, options);
  if (!email.granted) throw rateLimited(`Too many sign-ups for this email address; at most ${perEmail} an hour`, email.retryAfter);
}

function rateLimited(message: string, retryAfter: number): AppError {
  return new AppError("RATE_LIMITED", message, undefined, { "Retry-After": String(retryAfter) });
}
