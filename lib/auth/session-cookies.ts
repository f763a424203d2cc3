import { env } from "../env";

/**
 * The auth cookies' names and flags, set explicitly rather than left to next-auth's guess.
 * Served over https (NEXTAUTH_URL https://…) the session cookie is `__Secure-` (browsers accept
 * it only with Secure, from https) and the CSRF cookie `__Host-` (also no Domain, path /), so a
 * sibling subdomain or a plain-http response cannot plant or overwrite them; the session is read
 * only from the prefixed name then. All are HttpOnly and SameSite=Lax.
 */
export function sessionCookies() {
  const secure = (env().NEXTAUTH_URL ?? "").startsWith("https://");
  const options = { httpOnly: true, sameSite: "lax" as const, path: "/", secure };
  return {
    secure,
    sessionToken: { name: `${secure ? "__Secure-" : ""}next-auth.session-token`, options },
    callbackUrl: { name: `${secure ? "__Secure-" : ""}next-auth.callback-url`, options },
    csrfToken: { name: `${secure ? "__Host-" : ""}next-auth.csrf-token`, options },
  };
}
