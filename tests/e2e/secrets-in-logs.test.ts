// Secrets never reach the logs: a production server (npm start, embedded Postgres, worker, SMTP)
// goes through what a team does in its first hour — sign-up with a password confirmed through the
// mailed link, an invite link a colleague signs up and joins with (also confirmed by mail), API
// keys, an LLM connection with a key and a secret header, an embeddings provider key, Slack-style
// webhook URLs whose path is the secret, ingest with Bearer and Basic keys, a run against the fake
// provider, failing webhooks, spent links used again, and sign-ins with wrong passwords — and its
// whole stdout/stderr is scanned (raw, base64, base64url, percent-encoded) for every secret it was
// given or created, plus the data dir's own: NEXTAUTH_SECRET, the encryption key derived from it,
// the Postgres password and the demo credentials (PharosServer.stop does the scan).
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeLlm, startFakeLlm } from "../support/fake-llm";
import { signInOverHttp } from "../support/http-session";
import { sampleTraceEvents } from "../support/ingest";
import { type PharosServer, startPharos } from "../support/pharos-server";
import { smtpSink } from "../support/smtp-sink";
import { webhookServer } from "../support/webhook-server";

const token = (prefix: string) => `${prefix}${randomBytes(18).toString("base64url")}`;

const PASSWORD = token("pw-");
const LLM_KEY = token("sk-llm-");
const HEADER_SECRET = token("hdr-");
const EMBEDDINGS_KEY = token("sk-emb-");
const ALERT_HOOK_SECRET = token("T0/B0/");
const RELEASE_HOOK_SECRET = token("rel-");
const COLLEAGUE_PASSWORD = token("pw-");
const SMTP_PASSWORD = token("smtp-");
const WRONG_PASSWORDS = [token("wrong-"), token("wrong-")];

let llm: FakeLlm;
let server: PharosServer | undefined;
const hooks = webhookServer();
let hookBase: string;
const smtp = smtpSink({ user: "pharos", pass: SMTP_PASSWORD });
let smtpUrl: string;

beforeAll(async () => {
  llm = await startFakeLlm({ models: ["gpt-4o-mini"], apiKey: LLM_KEY });
  hookBase = await hooks.start();
  smtpUrl = await smtp.start();
});
afterAll(async () => {
  await server?.stop();
  await llm?.close();
  await hooks.close();
  await smtp.close();
});

/** The token of the verification link mailed to `email`. */
async function mailedVerificationToken(email: string): Promise<string> {
  const [mail] = await smtp.mailsTo(email, 1, 15_000);
  expect(mail, `a verification mail to ${email}`).toBeDefined();
  return new URL(/(https?:\/\/\S+\/verify-email\?\S+)/.exec(mail!.text)![1]!).searchParams.get("token")!;
}

describe("secrets never in logs", () => {
  it("a realistic first hour prints none of the keys, passwords, tokens or secret URLs it handled", async () => {
    server = await startPharos({ env: { PHAROS_SMTP_URL: smtpUrl, PHAROS_MAIL_FROM: "Pharos <pharos@example.test>" } });
    const { baseUrl } = server;
    const secret = server.registerSecret;
    secret(PASSWORD, "password");
    secret(COLLEAGUE_PASSWORD, "colleague's password");
    secret(LLM_KEY, "LLM connection key");
    secret(HEADER_SECRET, "LLM connection header");
    secret(EMBEDDINGS_KEY, "embeddings key");
    secret(ALERT_HOOK_SECRET, "alert webhook path");
    secret(RELEASE_HOOK_SECRET, "release webhook path");
    WRONG_PASSWORDS.forEach((value, i) => secret(value, `wrong password ${i}`));
    const send = async (method: string, p: string, body: unknown, headers: Record<string, string>) => {
      const res = await fetch(`${baseUrl}${p}`, { method, headers: { "content-type": "application/json", origin: baseUrl, ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await res.text();
      let json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
      try {
        json = JSON.parse(text);
      } catch {
        json = text;
      }
      return { status: res.status, json };
    };

    // Sign-up with a password, confirmed through the mailed link (opened as a page, then posted), then sign in.
    const email = `secrets-${randomBytes(4).toString("hex")}@example.test`;
    const signedUp = await send("POST", "/api/auth/sign-up", { email, password: PASSWORD, name: "Ada" }, {});
    expect(signedUp.status, JSON.stringify(signedUp.json)).toBe(202);
    expect(signedUp.json.next).toBe("check-email");
    const verification = await mailedVerificationToken(email);
    secret(verification, "email verification token");
    expect((await fetch(`${baseUrl}/verify-email?token=${verification}`)).status).toBe(200);
    const verified = await send("POST", "/api/auth/verify-email", { token: verification }, {});
    expect(verified.status, JSON.stringify(verified.json)).toBe(200);
    // A spent link used again: an error answer, which must not print the token either.
    expect((await send("POST", "/api/auth/verify-email", { token: verification }, {})).status).toBe(410);
    const cookie = await signInOverHttp(baseUrl, email, PASSWORD);
    expect(cookie).toBeTruthy();
    const asUser = { cookie: cookie! };
    secret(cookie!.split("=").slice(1).join("="), "session cookie");
    const orgId = signedUp.json.orgId ?? (await send("GET", "/api/orgs", undefined, asUser)).json.orgs[0].id;
    const project = await send("POST", `/api/orgs/${orgId}/projects`, { name: "secrets" }, asUser);
    expect(project.status, JSON.stringify(project.json)).toBe(201);
    const pid = project.json.id;

    // An invite link: a colleague opens it, signs up through it (confirmed by mail), signs in and
    // joins; the spent link is then opened and accepted again. An invite bound to an address too.
    const invite = await send("POST", `/api/projects/${pid}/invites`, { role: "engineer" }, asUser);
    expect(invite.status, JSON.stringify(invite.json)).toBe(201);
    const inviteToken = invite.json.token as string;
    secret(inviteToken, "invite token");
    const colleague = `colleague-${randomBytes(4).toString("hex")}@example.test`;
    const bound = await send("POST", `/api/projects/${pid}/invites`, { role: "engineer", email: colleague }, asUser);
    expect(bound.status, JSON.stringify(bound.json)).toBe(201);
    secret(bound.json.token, "email-bound invite token");
    expect((await fetch(`${baseUrl}/invite/${inviteToken}`)).status).toBe(200);
    expect((await send("GET", `/api/invites/${inviteToken}`, undefined, {})).status).toBe(200);
    const colleagueSignUp = await send("POST", "/api/auth/sign-up", { email: colleague, password: COLLEAGUE_PASSWORD, name: "Grace", inviteToken }, {});
    expect(colleagueSignUp.status, JSON.stringify(colleagueSignUp.json)).toBe(202);
    const colleagueVerification = await mailedVerificationToken(colleague);
    secret(colleagueVerification, "colleague's email verification token");
    expect((await send("POST", "/api/auth/verify-email", { token: colleagueVerification }, {})).status).toBe(200);
    const colleagueCookie = await signInOverHttp(baseUrl, colleague, COLLEAGUE_PASSWORD);
    expect(colleagueCookie).toBeTruthy();
    const joined = await send("POST", `/api/invites/${inviteToken}/accept`, {}, { cookie: colleagueCookie! });
    expect(joined.status, JSON.stringify(joined.json)).toBe(200);
    const again = await send("POST", `/api/invites/${inviteToken}/accept`, {}, { cookie: colleagueCookie! });
    expect(again.status, JSON.stringify(again.json)).toBeGreaterThanOrEqual(400);
    expect(again.status).toBeLessThan(500);
    expect((await fetch(`${baseUrl}/invite/${inviteToken}`)).status).toBe(200);
    expect((await send("POST", `/api/invites/${bound.json.token}/accept`, {}, { cookie: colleagueCookie! })).status).toBeLessThan(500);

    // API keys (and the Basic header made of them).
    const key = await send("POST", `/api/projects/${pid}/api-keys`, { note: "ci" }, asUser);
    expect(key.status, JSON.stringify(key.json)).toBe(201);
    const { secretKey, publicKey } = key.json as { secretKey: string; publicKey: string };
    secret(secretKey, "secret key");
    secret(`${publicKey}:${secretKey}`, "Basic pk:sk");
    const bearer = { authorization: `Bearer ${secretKey}` };

    // An LLM connection with a key and a secret header; an embeddings provider with its key.
    const conn = await send("POST", `/api/projects/${pid}/llm-connections`, { name: "fake", baseUrl: llm.url, apiKey: LLM_KEY, headers: { "X-Tenant-Token": HEADER_SECRET }, models: ["gpt-4o-mini"] }, asUser);
    expect(conn.status, JSON.stringify(conn.json)).toBe(201);
    const emb = await send("PUT", `/api/projects/${pid}/drift/settings`, { provider: "provider", providerConfig: { baseUrl: llm.url, model: "text-embedding-3-small", apiKey: EMBEDDINGS_KEY } }, asUser);
    expect(emb.status, JSON.stringify(emb.json)).toBe(200);

    // Webhook URLs whose path is the secret; the first deliveries fail (500), so errors get logged.
    hooks.failNextRequests(2);
    const rule = await send("POST", `/api/projects/${pid}/alerts`, { name: "errors", measure: "error_rate", threshold: 0.5, webhookUrl: `${hookBase}/services/${ALERT_HOOK_SECRET}` }, asUser);
    expect(rule.status, JSON.stringify(rule.json)).toBe(201);
    await send("POST", `/api/projects/${pid}/alerts/${rule.json.id}/test`, {}, asUser);
    const release = await send("PUT", `/api/projects/${pid}/settings/release-webhook`, { url: `${hookBase}/${RELEASE_HOOK_SECRET}` }, asUser);
    expect(release.status, JSON.stringify(release.json)).toBe(200);
    await send("POST", `/api/projects/${pid}/settings/release-webhook/test`, {}, asUser);
    // A webhook on a closed port: the connection error must not print the URL either.
    await send("PATCH", `/api/projects/${pid}/alerts/${rule.json.id}`, { webhookUrl: `http://127.0.0.1:9/services/${ALERT_HOOK_SECRET}` }, asUser);
    await send("POST", `/api/projects/${pid}/alerts/${rule.json.id}/test`, {}, asUser);

    // Ingest with Bearer and with Basic, and one malformed batch.
    const trace = sampleTraceEvents();
    expect((await send("POST", "/api/public/ingest", { batch: trace.events }, bearer)).status).toBe(207);
    expect((await send("POST", "/api/public/ingest", { batch: sampleTraceEvents().events }, { authorization: `Basic ${Buffer.from(`${publicKey}:${secretKey}`).toString("base64")}` })).status).toBe(207);
    expect((await send("POST", "/api/public/ingest", { batch: [{ nope: true }] }, bearer)).status).toBe(207);

    // A run against the fake provider, executed by the worker.
    await send("POST", "/api/public/prompts", { name: "support/answer", type: "chat", template: [{ role: "user", content: "Answer: {{question}}" }], config: { model: "gpt-4o-mini" } }, bearer);
    await send("POST", "/api/public/datasets", { name: "golden" }, bearer);
    await send("POST", "/api/public/datasets/golden/items", { items: [{ input: { question: "refunds?" }, expectedOutput: "5 days" }] }, bearer);
    const run = await send("POST", "/api/public/runs", { dataset: "golden", prompt: { name: "support/answer", version: 1 }, connection: "fake", model: "gpt-4o-mini", evaluators: [{ type: "contains", value: "refunds" }] }, bearer);
    expect(run.status, JSON.stringify(run.json)).toBe(202);
    await expect.poll(async () => (await send("GET", `/api/public/runs/${run.json.id}`, undefined, bearer)).json.status, { timeout: 60_000, interval: 500 }).toMatch(/succeeded|failed/);
    expect(llm.requests.length).toBeGreaterThan(0);

    // Failed sign-ins: wrong passwords for a real account and for an unknown one.
    for (const wrong of WRONG_PASSWORDS) expect(await signInOverHttp(baseUrl, email, wrong)).toBeNull();
    expect(await signInOverHttp(baseUrl, `nobody-${randomBytes(3).toString("hex")}@example.test`, WRONG_PASSWORDS[0]!)).toBeNull();

    // Scanned: everything above, the data dir's secrets (npm start's generated NEXTAUTH_SECRET, the
    // encryption key derived from it, the Postgres password, the demo credentials) and the SMTP
    // password in PHAROS_SMTP_URL; helpers registered the session tokens they obtained.
    const scanned = (await server.secrets()).map((s) => s.name);
    expect(scanned).toEqual(expect.arrayContaining([
      "NEXTAUTH_SECRET (secrets.json)", "derived encryption key (hex)", "derived encryption key (base64)", "Postgres password (pg-password)", "demo password", "demo secret_key",
      "PHAROS_SMTP_URL password", "email verification token", "colleague's email verification token", "invite token", "email-bound invite token",
      "secret key", "password", `session token of ${colleague}`,
    ]));
    // stop() fails, naming each secret and the line it is on, if the output holds any of them.
    const stopping = server.stop();
    server = undefined;
    await stopping;
  });
});
