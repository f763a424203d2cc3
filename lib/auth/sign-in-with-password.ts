import { mailConfigured } from "../mail/send-mail";
import { assertSignInAllowed, recordSignInFailure, recordSignInSuccess } from "./auth-limits";
import { verifyCredentials } from "./verify-credentials";

/**
 * A password sign-in: refused with 429 while the account or the client IP is locked out
 * (auth-limits.ts), else the user, or null for every kind of failure (one message in the UI).
 * With SMTP configured an account must have verified its email first; otherwise signing up and
 * then signing in would tell whether the address already had an account.
 */
export async function signInWithPassword(options: { email: string; password: string; ip: string }) {
  assertSignInAllowed(options);
  const user = await verifyCredentials(options);
  if (!user) {
    recordSignInFailure(options);
    return null;
  }
  if (mailConfigured() && !user.emailVerifiedAt) return null;
  recordSignInSuccess(options);
  return { id: user.id, email: user.email, name: user.name };
}
