import { readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { getJson, signInOverHttp } from "../support/http-session";
import { type PharosServer, postgresProcessesFor, readCredentials, startPharos } from "../support/pharos-server";

describe("npm start (embedded Postgres, demo project)", () => {
  let server: PharosServer | undefined;
  afterAll(async () => {
    await server?.stop();
  });

  it("serves sign-in, prints credentials that work, keeps data across a restart, and stops cleanly", async () => {
    server = await startPharos();
    const { baseUrl, dataDir } = server;

    const signInPage = await fetch(`${baseUrl}/sign-in`);
    expect(signInPage.status).toBe(200);
    expect(await signInPage.text()).toContain("Sign in to Pharos");
    // Unauthenticated visitors are sent to sign-in.
    const home = await fetch(`${baseUrl}/`, { redirect: "manual" });
    expect(home.status).toBe(307);
    expect(home.headers.get("location")).toContain("/sign-in");
    // Security headers on every page: no framing, no sniffing, only this server's resources.
    const signIn = await fetch(`${baseUrl}/sign-in`);
    expect(signIn.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(signIn.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(signIn.headers.get("content-security-policy")).not.toContain("unsafe-eval");
    expect(signIn.headers.get("x-content-type-options")).toBe("nosniff");
    expect(signIn.headers.get("referrer-policy")).toBe("same-origin");
    expect(signIn.headers.get("strict-transport-security")).toContain("max-age=");

    await server.waitForOutput("[pharos worker] running");
    const credentialsFile = path.join(dataDir, "credentials");
    expect((await stat(credentialsFile)).mode & 0o777).toBe(0o600);
    const creds = readCredentials(await readFile(credentialsFile, "utf8"));
    // Console output ends up in CI logs: it names the file, never the password.
    expect(server.output()).toContain(credentialsFile);
    expect(server.output()).not.toContain(creds.password!);
    expect(server.output()).not.toContain(creds.secret_key);

    const cookie = await signInOverHttp(baseUrl, creds.email!, creds.password!);
    expect(cookie).not.toBeNull();
    const orgs = await getJson(baseUrl, "/api/orgs", { cookie: cookie! });
    expect(orgs.status).toBe(200);
    expect(orgs.json.orgs[0].projects[0]).toMatchObject({ id: creds.project_id, name: "Demo project", role: "owner" });
    expect(await signInOverHttp(baseUrl, creds.email!, "wrong password")).toBeNull();

    // Only email + password without OAuth configuration.
    expect(Object.keys((await getJson(baseUrl, "/api/auth/providers", {})).json)).toEqual(["credentials"]);

    // The demo comes with about a week of sample traces, sent through the ingest pipeline.
    const traces = await getJson(baseUrl, "/api/public/traces?limit=100", { authorization: `Bearer ${creds.secret_key}` });
    expect(traces.json.data).toHaveLength(100);
    expect(traces.json.nextCursor).not.toBeNull();
    expect(JSON.stringify(traces.json.data)).toMatch(/[가-힣]/);

    const keyCheck = await getJson(baseUrl, "/api/public/projects", { authorization: `Bearer ${creds.secret_key}` });
    expect(keyCheck.json.project.id).toBe(creds.project_id);

    // Rename, restart, and find the change still there.
    await fetch(`${baseUrl}/api/projects/${creds.project_id}`, { method: "PATCH", headers: { cookie: cookie!, "content-type": "application/json" }, body: JSON.stringify({ name: "Kept across restarts" }) });
    const totalsBefore = await demoTotals(baseUrl, creds.secret_key!);
    expect(await server.stop()).toBe(143); // 128 + SIGTERM, after a clean shutdown
    expect(postgresProcessesFor(dataDir)).toEqual([]);

    // As if the first start had died while writing the sample traces: the next start writes
    // the rest, and nothing already there is written twice.
    const credentialsText = await readFile(credentialsFile, "utf8");
    expect(credentialsText).toContain("demo_seeded=yes");
    await writeFile(credentialsFile, credentialsText.replace("demo_seeded=yes\n", ""));
    server = await startPharos({ dataDir });
    expect(server.output()).toContain("writing the rest");
    expect(server.output()).toContain("demo project complete with 1120 sample traces");
    expect(await demoTotals(server.baseUrl, creds.secret_key!)).toEqual(totalsBefore);
    expect(await readFile(credentialsFile, "utf8")).toBe(credentialsText);
    expect(await server.stop()).toBe(143);

    server = await startPharos({ dataDir });
    expect(server.output()).not.toContain("Demo project created");
    expect(server.output()).not.toContain("writing the rest");
    const again = await signInOverHttp(server.baseUrl, creds.email!, creds.password!);
    expect(again).not.toBeNull();
    const project = await getJson(server.baseUrl, `/api/projects/${creds.project_id}`, { cookie: again! });
    expect(project.json.project.name).toBe("Kept across restarts");
    expect(await server.stop()).toBe(143); // 128 + SIGTERM, after a clean shutdown
    expect(postgresProcessesFor(dataDir)).toEqual([]);
    server = undefined;
  });
});

describe("headless initialization (PHAROS_INIT_*)", () => {
  let server: PharosServer | undefined;
  afterAll(async () => {
    await server?.stop();
  });

  it("creates that org, project, user and key once; starting again changes nothing", async () => {
    const env = {
      PHAROS_INIT_ORG_NAME: "Acme Corp",
      PHAROS_INIT_PROJECT_NAME: "Checkout bot",
      PHAROS_INIT_USER_EMAIL: "ops@acme.test",
      PHAROS_INIT_USER_PASSWORD: "acme-initial-pass",
      PHAROS_INIT_PROJECT_PUBLIC_KEY: "pk-acme-0123456789",
      PHAROS_INIT_PROJECT_SECRET_KEY: "sk-acme-0123456789abcdef0123",
      // A company install: SSO configured, open sign-up off.
      PHAROS_DISABLE_SIGNUP: "true",
      GITHUB_CLIENT_ID: "gh-id",
      GITHUB_CLIENT_SECRET: "gh-secret",
      GOOGLE_CLIENT_ID: "google-id",
      GOOGLE_CLIENT_SECRET: "google-secret",
      OIDC_ISSUER: "http://127.0.0.1:9/realms/acme",
      OIDC_CLIENT_ID: "oidc-id",
      OIDC_CLIENT_SECRET: "oidc-secret",
      OIDC_NAME: "Acme SSO",
    };
    server = await startPharos({ env });
    expect(server.output()).toContain("headless initialization created");
    expect(server.output()).not.toContain("Demo project created");

    const providers = (await getJson(server.baseUrl, "/api/auth/providers", {})).json;
    expect(Object.keys(providers).sort()).toEqual(["credentials", "github", "google", "oidc"]);
    const signInHtml = await (await fetch(`${server.baseUrl}/sign-in`)).text();
    expect(signInHtml).toContain("Continue with <!-- -->Acme SSO");
    expect(signInHtml).not.toContain("Create an account");
    const signUp = await fetch(`${server.baseUrl}/api/auth/sign-up`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "x@acme.test", password: "long enough" }) });
    expect(signUp.status).toBe(403);

    const snapshot = async (baseUrl: string) => {
      const cookie = await signInOverHttp(baseUrl, env.PHAROS_INIT_USER_EMAIL, env.PHAROS_INIT_USER_PASSWORD);
      expect(cookie).not.toBeNull();
      const { json } = await getJson(baseUrl, "/api/orgs", { cookie: cookie! });
      const key = await getJson(baseUrl, "/api/public/projects", { authorization: `Bearer ${env.PHAROS_INIT_PROJECT_SECRET_KEY}` });
      expect(key.status).toBe(200);
      const keys = await getJson(baseUrl, `/api/projects/${key.json.project.id}/api-keys`, { cookie: cookie! });
      return { orgs: json.orgs, project: key.json.project, keys: keys.json.apiKeys };
    };

    const first = await snapshot(server.baseUrl);
    expect(first.orgs).toHaveLength(1);
    expect(first.orgs[0]).toMatchObject({ name: "Acme Corp", role: "owner" });
    expect(first.project.name).toBe("Checkout bot");
    expect(first.keys).toHaveLength(1);
    expect(first.keys[0].publicKey).toBe(env.PHAROS_INIT_PROJECT_PUBLIC_KEY);

    const dataDir = server.dataDir;
    await server.stop();
    server = await startPharos({ dataDir, env });
    expect(server.output()).toContain("headless initialization: already done");
    const second = await snapshot(server.baseUrl);
    const withoutUse = (s: typeof first) => ({ ...s, keys: s.keys.map(({ lastUsedAt: _, ...k }: Record<string, unknown>) => k) });
    expect(withoutUse(second)).toEqual(withoutUse(first));
  });
});

/** The demo's request, thumbs and cost totals over its whole week, from the public metrics API. */
async function demoTotals(baseUrl: string, secretKey: string) {
  const to = new Date(Date.now() + 3_600_000).toISOString();
  const from = new Date(Date.now() - 8 * 86_400_000).toISOString();
  const res = await getJson(baseUrl, `/api/public/metrics?from=${from}&to=${to}`, { authorization: `Bearer ${secretKey}` });
  expect(res.status).toBe(200);
  const { count, thumbsUp, thumbsDown, cost } = res.json.totals;
  expect(count).toBeGreaterThan(0);
  return { count, thumbsUp, thumbsDown, cost: Number(cost.toFixed(6)) };
}
