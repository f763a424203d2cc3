// CSRF: a page on another site cannot make a signed-in member's browser change anything. Every
// non-GET method of every cookie-authenticated route (the whole app/api tree except the public
// API, next-auth's own routes and the unauthenticated probes) is called with the owner's valid
// session cookie from a foreign Origin, with Origin: null, with Sec-Fetch-Site: cross-site and
// with a text/plain body: each is refused before the handler runs, and nothing is written.
import { describe, expect, it } from "vitest";
import * as alertsRoute from "@/app/api/projects/[projectId]/alerts/route";
import * as signUpRoute from "@/app/api/auth/sign-up/route";
import * as ingestRoute from "@/app/api/public/ingest/route";
import { db } from "@/lib/db";
import { createKey, createOrgAndProject, uniqueEmail } from "../factories";
import { sampleTraceEvents } from "../support/ingest";
import { HTTP_METHODS, routeFiles } from "../support/route-tree";
import { testClientIp } from "../support/route";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

/** Routes whose non-GET methods are authenticated by something other than the session cookie. */
const NOT_COOKIE = [/^api\/public\//, /^api\/auth\/\[\.\.\.nextauth\]$/, /^api\/health$/, /^api\/metrics$/];

async function send(handler: Handler, method: string, headers: Record<string, string>, body = "{}", params: Record<string, string | string[]> = {}) {
  const req = new Request("http://pharos.test/api/x", { method, headers: { host: "pharos.test", "x-pharos-client-ip": testClientIp(), ...headers }, body: method === "GET" || method === "HEAD" ? undefined : body });
  const res = await handler(req, { params: Promise.resolve(params) });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as { error?: { code: string; message: string } }) : null };
}

describe("CSRF", () => {
  it("refuses every cookie-authenticated state change from another origin, Origin null, cross-site fetch metadata or a text/plain body", async () => {
    const t = await createOrgAndProject("csrf");
    const cookie = t.owner.cookie;
    const attacks: [string, Record<string, string>, number][] = [
      ["foreign Origin", { origin: "https://evil.example", "content-type": "application/json" }, 403],
      ["Origin null", { origin: "null", "content-type": "application/json" }, 403],
      ["Sec-Fetch-Site cross-site", { "sec-fetch-site": "cross-site", "content-type": "application/json" }, 403],
      ["same-site subdomain", { origin: "https://app.pharos.test", "content-type": "application/json" }, 403],
      ["text/plain body (a simple cross-site form)", { "content-type": "text/plain" }, 415],
      ["form-encoded body", { "content-type": "application/x-www-form-urlencoded" }, 415],
    ];
    const checked: string[] = [];
    for (const route of await routeFiles("api")) {
      if (NOT_COOKIE.some((r) => r.test(route.route))) continue;
      const mod = (await import(route.file)) as Record<string, unknown>;
      const params = Object.fromEntries(route.segments.map((s) => [s.name, route.route.includes(`[...${s.name}]`) ? ["x"] : s.name === "projectId" ? t.project.id : s.name === "orgId" ? t.org.id : "x"]));
      for (const method of HTTP_METHODS.filter((m) => !["GET", "HEAD", "OPTIONS"].includes(m))) {
        const handler = mod[method] as Handler | undefined;
        if (!handler) continue;
        for (const [what, headers, status] of attacks) {
          const res = await send(handler, method, { cookie, ...headers }, "{}", params);
          expect(res.status, `${method} /${route.route} with ${what}: ${JSON.stringify(res.json)}`).toBe(status);
        }
        checked.push(`${method} /${route.route}`);
      }
    }
    expect(checked.length).toBeGreaterThan(40);
    expect(checked).toContain("POST /api/projects/[projectId]/alerts");
    expect(checked).toContain("POST /api/auth/sign-up");
    expect(await db.alertRule.count({ where: { projectId: t.project.id } })).toBe(0);
  });

  it("lets the app's own pages through: same Origin, or a browser's same-origin fetch metadata, with application/json", async () => {
    const t = await createOrgAndProject("csrf-ok");
    const body = JSON.stringify({ name: "errors", measure: "error_rate", comparator: "gt", threshold: 0.1, windowMinutes: 5, webhookUrl: "https://hooks.example.com/pharos" });
    const params = { projectId: t.project.id };
    const sameOrigin = await send(alertsRoute.POST as Handler, "POST", { cookie: t.owner.cookie, origin: "http://pharos.test", "content-type": "application/json" }, body, params);
    expect(sameOrigin.status, JSON.stringify(sameOrigin.json)).toBeLessThan(300);
    const behindProxy = await send(alertsRoute.POST as Handler, "POST", { cookie: t.owner.cookie, origin: "https://pharos.example.com", "x-forwarded-host": "pharos.example.com", "content-type": "application/json" }, body.replace("errors", "errors 2"), params);
    expect(behindProxy.status, JSON.stringify(behindProxy.json)).toBeLessThan(300);
    const fetchMetadata = await send(alertsRoute.POST as Handler, "POST", { cookie: t.owner.cookie, "sec-fetch-site": "same-origin", "content-type": "application/json; charset=utf-8" }, body.replace("errors", "errors 3"), params);
    expect(fetchMetadata.status, JSON.stringify(fetchMetadata.json)).toBeLessThan(300);
    expect(await db.alertRule.count({ where: { projectId: t.project.id } })).toBe(3);

    const signUp = await send(signUpRoute.POST as Handler, "POST", { origin: "http://pharos.test", "content-type": "application/json" }, JSON.stringify({ email: uniqueEmail("csrf"), password: "correct horse battery", name: "Csrf" }));
    expect(signUp.status, JSON.stringify(signUp.json)).toBe(202);
  });

  it("leaves the key-authenticated public API alone: a secret key is not ambient, so no Origin is required", async () => {
    const t = await createOrgAndProject("csrf-api");
    const key = await createKey(t.project);
    const res = await send(ingestRoute.POST as Handler, "POST", { authorization: `Bearer ${key.secretKey}`, origin: "https://ci.example", "content-type": "application/json" }, JSON.stringify({ batch: sampleTraceEvents().events }));
    expect(res.status).toBe(207);
  });

  // A body that never ends: a reader that buffers the whole body before checking its size never
  // answers (the timeout fails the test), and one that streams answers 413 after about the limit.
  it("refuses a JSON body larger than the limit while streaming it, without a Content-Length, and reads no further", { timeout: 15_000 }, async () => {
    const t = await createOrgAndProject("csrf-size");
    const LIMIT = 1_000_000;
    const CHUNK = 64 * 1024;
    const chunk = new TextEncoder().encode(" ".repeat(CHUNK));
    let pulled = 0;
    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>({
      // Pulled one chunk at a time as the reader asks; never closed. Past 20 × the limit it stops
      // producing (and still does not close), so a buffering reader waits forever instead of
      // filling memory until the timeout.
      pull(controller) {
        if (pulled > 20 * LIMIT) return new Promise<void>(() => {});
        pulled += CHUNK;
        controller.enqueue(chunk);
      },
      cancel() {
        cancelled = true;
      },
    }, { highWaterMark: 0 });
    const req = new Request("http://pharos.test/api/x", { method: "POST", headers: { host: "pharos.test", cookie: t.owner.cookie, "content-type": "application/json" }, body: endless, duplex: "half" } as RequestInit);
    const res = await (alertsRoute.POST as Handler)(req, { params: Promise.resolve({ projectId: t.project.id }) });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("PAYLOAD_TOO_LARGE");
    // Read up to the chunk that crossed the limit (and at most one more the stream queued), then let go of it.
    expect(pulled).toBeGreaterThan(LIMIT);
    expect(pulled).toBeLessThanOrEqual(LIMIT + 2 * CHUNK);
    expect(cancelled).toBe(true);
  });
});

describe("session cookies over https", () => {
  it("are __Secure-/__Host- prefixed, Secure and HttpOnly, and only the prefixed session cookie signs anyone in", async () => {
    const { sessionCookies } = await import("@/lib/auth/session-cookies");
    const { readSessionUserId } = await import("@/lib/auth/session");
    const t = await createOrgAndProject("cookies");
    const token = t.owner.cookie.slice(t.owner.cookie.indexOf("=") + 1);
    const request = (cookie: string) => new Request("https://pharos.example.com/api/x", { headers: { cookie } });
    const before = process.env.NEXTAUTH_URL;
    try {
      process.env.NEXTAUTH_URL = "https://pharos.example.com";
      const c = sessionCookies();
      expect(c.sessionToken).toEqual({ name: "__Secure-next-auth.session-token", options: { httpOnly: true, sameSite: "lax", path: "/", secure: true } });
      expect(c.csrfToken.name).toBe("__Host-next-auth.csrf-token");
      expect(await readSessionUserId(request(`__Secure-next-auth.session-token=${token}`))).toBe(t.owner.user.id);
      // A cookie without the prefix could have been planted by a subdomain or over http.
      expect(await readSessionUserId(request(`next-auth.session-token=${token}`))).toBeNull();

      process.env.NEXTAUTH_URL = "http://localhost:3000";
      expect(sessionCookies().sessionToken.options.secure).toBe(false);
      expect(await readSessionUserId(request(`next-auth.session-token=${token}`))).toBe(t.owner.user.id);
    } finally {
      if (before === undefined) delete process.env.NEXTAUTH_URL;
      else process.env.NEXTAUTH_URL = before;
    }
  });
});
