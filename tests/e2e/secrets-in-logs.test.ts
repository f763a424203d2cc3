// Secrets never reach the logs: a production server (npm start, embedded Postgres, worker) goes
// through what a team does in its first hour — sign-up with a password, API keys, an LLM
// connection with a key and a secret header, an embeddings provider key, Slack-style webhook URLs
// whose path is the secret, ingest with Bearer and Basic keys, a run against the fake provider,
// failing webhooks, and sign-ins with wrong passwords — and its whole stdout/stderr is scanned
// for every secret it was given or created (raw, base64, base64url, percent-encoded).
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeLlm, startFakeLlm } from "../support/fake-llm";
import { signInOverHttp } from "../support/http-session";
import { sampleTraceEvents } from "../support/ingest";
import { type PharosServer, readCredentials, startPharos } from "../support/pharos-server";
import { linesWithSecrets, type Secret } from "../support/secret-scan";
import { webhookServer } from "../support/webhook-server";

const token = (prefix: string) => `${prefix}${randomBytes(18).toString("base64url")}`;

const PASSWORD = token("pw-");
const LLM_KEY = token("sk-llm-");
const HEADER_SECRET = token("hdr-");
const EMBEDDINGS_KEY = token("sk-emb-");
const ALERT_HOOK_SECRET = token("T0/B0/");
const RELEASE_HOOK_SECRET = token("rel-");
const WRONG_PASSWORDS = [token("wrong-"), token("wrong-")];

let llm: FakeLlm;
let server: PharosServer | undefined;
const hooks = webhookServer();
let hookBase: string;

beforeAll(async () => {
  llm = await startFakeLlm({ models: ["gpt-4o-mini"], apiKey: LLM_KEY });
  hookBase = await hooks.start();
});
afterAll(async () => {
  await server?.stop();
  await llm?.close();
  await hooks.close();
});

describe("secrets never in logs", () => {
  it("a realistic first hour prints none of the keys, passwords, tokens or secret URLs it handled", async () => {
    server = await startPharos();
    const { baseUrl } = server;
    const secrets: Secret[] = [
      { name: "password", value: PASSWORD },
      { name: "LLM connection key", value: LLM_KEY },
      { name: "LLM connection header", value: HEADER_SECRET },
      { name: "embeddings key", value: EMBEDDINGS_KEY },
      { name: "alert webhook path", value: ALERT_HOOK_SECRET },
      { name: "release webhook path", value: RELEASE_HOOK_SECRET },
      ...WRONG_PASSWORDS.map((value, i) => ({ name: `wrong password ${i}`, value })),
    ];
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

    // Sign-up with a password, then sign in.
    const email = `secrets-${randomBytes(4).toString("hex")}@example.test`;
    const signedUp = await send("POST", "/api/auth/sign-up", { email, password: PASSWORD, name: "Ada" }, {});
    expect(signedUp.status, JSON.stringify(signedUp.json)).toBe(202);
    const cookie = await signInOverHttp(baseUrl, email, PASSWORD);
    expect(cookie).toBeTruthy();
    const asUser = { cookie: cookie! };
    const orgId = signedUp.json.orgId ?? (await send("GET", "/api/orgs", undefined, asUser)).json.orgs[0].id;
    const project = await send("POST", `/api/orgs/${orgId}/projects`, { name: "secrets" }, asUser);
    expect(project.status, JSON.stringify(project.json)).toBe(201);
    const pid = project.json.id;

    // API keys (and the Basic header made of them).
    const key = await send("POST", `/api/projects/${pid}/api-keys`, { note: "ci" }, asUser);
    expect(key.status, JSON.stringify(key.json)).toBe(201);
    const { secretKey, publicKey } = key.json as { secretKey: string; publicKey: string };
    secrets.push({ name: "secret key", value: secretKey }, { name: "Basic pk:sk", value: `${publicKey}:${secretKey}` }, { name: "session cookie", value: cookie!.split("=").slice(1).join("=") });
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

    // The demo credentials npm start created (password, keys) count too.
    const creds = readCredentials(await readFile(path.join(server.dataDir, "credentials"), "utf8"));
    for (const [name, value] of Object.entries(creds)) if (/password|secret|key/i.test(name) && value.length >= 8 && !/^pk-/.test(value)) secrets.push({ name: `demo ${name}`, value });

    await server.stop();
    const offending = linesWithSecrets(server.output(), secrets);
    expect(offending, `secrets in the server's output:\n${offending.join("\n")}`).toEqual([]);
  });
});
