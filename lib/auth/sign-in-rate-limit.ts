import { env } from "../env";
import { AppError } from "../errors";
import { assertSignInAllowed, clientIp } from "./auth-limits";

/**
 * In front of next-auth's credentials callback: while the account or the client is locked out,
 * answer 429 with Retry-After before any password is checked. The body has the `url` next-auth's
 * client reads its error from (`?error=RateLimited&retryAfter=N`), so `signIn()` reports it.
 */
export async function signInRateLimitResponse(req: Request): Promise<Response | null> {
  if (req.method !== "POST" || !new URL(req.url).pathname.endsWith("/callback/credentials")) return null;
  let email = "";
  try {
    email = String((await req.clone().formData()).get("email") ?? "").trim().toLowerCase();
  } catch {
    return null; // next-auth answers a malformed body itself
  }
  try {
    await assertSignInAllowed({ email, ip: clientIp(req.headers) });
    return null;
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "RATE_LIMITED") throw error;
    const retryAfter = error.headers?.["Retry-After"] ?? "60";
    const base = (env().NEXTAUTH_URL ?? new URL(req.url).origin).replace(/\/$/, "");
    const url = `${base}/api/auth/error?${new URLSearchParams({ error: "RateLimited", retryAfter })}`;
    return Response.json({ url, error: { code: error.code, message: error.message } }, { status: 429, headers: { "Retry-After": retryAfter } });
  }
}
