import { getToken } from "next-auth/jwt";
import { nextAuthSecret } from "../env";
import { sessionCookies } from "./session-cookies";

/** Parses a Cookie header into name → value. */
export function parseCookies(header: string | null): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim();
    try {
      cookies[name] = decodeURIComponent(raw);
    } catch {
      cookies[name] = raw;
    }
  }
  return cookies;
}

/**
 * The signed-in user's id from the next-auth session cookie, or null. Reads the JWT with
 * next-auth/jwt directly so route handlers stay plain Request → Response functions.
 */
export async function readSessionUserId(req: Request): Promise<string | null> {
  const cookies = parseCookies(req.headers.get("cookie"));
  const token = await getToken({
    req: { cookies, headers: {} } as never,
    secret: nextAuthSecret(),
    // Only the configured name: over https a plain `next-auth.session-token` (planted by a
    // subdomain or an http response) is not a session.
    cookieName: sessionCookies().sessionToken.name,
  });
  return typeof token?.sub === "string" ? token.sub : null;
}
