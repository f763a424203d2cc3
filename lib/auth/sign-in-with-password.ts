import { mailConfigured } from "../mail/send-mail";
import { reserveSignInAttempt } from "./auth-limits";
import { verifyCredentials } from "./verify-credentials";

/**
 * A password sign-in: refused with 429 while the account or the client is locked out
 * (auth-limits.ts, shared by all web processes), else the user, or null for every kind of
 * failure (one message in the UI). Unknown emails and wrong passwords do the same work: a
 * reserved attempt, one bcrypt comparison (verify-credentials.ts). With SMTP configured an
 * account must have verified its email first; otherwise signing up and then signing in would
 * tell whether the address already had an account.
 */
export async function signInWithPassword(options: { email: string; password: string; ip: string }) {
  const attempt = await reserveSignInAttempt(options);
  const user = await verifyCredentials(options);
  if (!user) return null;
  if (mailConfigured() && !user.emailVerifiedAt) {
    await attempt.notCounted();
    return null;
  }
  await attempt.succeeded();
  return { id: user.id, email: user.email, name: user.name };
}
