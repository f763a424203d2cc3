// Signs in through next-auth's real HTTP endpoints, as a browser form post would.
import { registerServerSecret } from "./pharos-server";

function cookieHeader(setCookies: string[]): string {
  return setCookies.map((c) => c.split(";")[0]).join("; ");
}

/**
 * The session cookie for these credentials, or null when next-auth refuses them. The password
 * and the session token join the secrets the test server's logs are scanned for.
 */
export async function signInOverHttp(baseUrl: string, email: string, password: string): Promise<string | null> {
  registerServerSecret(baseUrl, password, `password of ${email}`);
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(csrf.headers.getSetCookie()) },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: baseUrl }),
  });
  const session = res.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
  if (!session) return null;
  const cookie = session.split(";")[0]!;
  registerServerSecret(baseUrl, cookie.slice(cookie.indexOf("=") + 1), `session token of ${email}`);
  return cookie;
}

export async function getJson(baseUrl: string, path: string, headers: Record<string, string>) {
  const res = await fetch(`${baseUrl}${path}`, { headers });
  return { status: res.status, json: (await res.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
}
