// LLM connections through the real route handlers, a real Postgres and the fake provider over HTTP:
// secrets are write-only (responses, list, audit rows), a stored key never follows a new base URL,
// the outbound guard applies on save and on connect, roles, and "test connection".
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as testRoute from "@/app/api/projects/[projectId]/llm-connections/[connectionId]/test/route";
import * as connectionRoute from "@/app/api/projects/[projectId]/llm-connections/[connectionId]/route";
import * as connectionsRoute from "@/app/api/projects/[projectId]/llm-connections/route";
import * as publicRoute from "@/app/api/public/llm-connections/[name]/route";
import { db } from "@/lib/db";
import { addMember, createKey, createOrgAndProject, type Member } from "../factories";
import { type FakeLlm, startFakeLlm } from "../support/fake-llm";
import { withoutAllowList } from "../support/outbound";
import { call } from "../support/route";

const KEY = "sk-live-0123456789abcdefWXYZ";
const NEW_KEY = "sk-live-rotated-9876543210QRST";
const HEADER_SECRET = "hdr-secret-value-42";

let llm: FakeLlm;
let other: FakeLlm;
beforeAll(async () => {
  llm = await startFakeLlm({ models: ["gpt-4o-mini", "judge-large"], apiKey: KEY });
  other = await startFakeLlm({ models: ["other-model"], apiKey: NEW_KEY });
});
afterAll(async () => {
  await llm.close();
  await other.close();
});
beforeEach(() => {
  llm.reset();
  other.reset();
});

type Tenant = Awaited<ReturnType<typeof createOrgAndProject>>;
const list = (t: Tenant, who: Member = t.owner) => call(connectionsRoute.GET, "GET", { params: { projectId: t.project.id }, cookie: who.cookie });
const create = (t: Tenant, body: unknown, who: Member = t.owner) => call(connectionsRoute.POST, "POST", { params: { projectId: t.project.id }, cookie: who.cookie, body });
const patch = (t: Tenant, connectionId: string, body: unknown, who: Member = t.owner) =>
  call(connectionRoute.PATCH, "PATCH", { params: { projectId: t.project.id, connectionId }, cookie: who.cookie, body });
const test = (t: Tenant, connectionId: string, body: unknown = {}) => call(testRoute.POST, "POST", { params: { projectId: t.project.id, connectionId }, cookie: t.owner.cookie, body });


/** Every byte a connection could leak through: API answers and its project's audit rows. */
async function auditText(projectId: string) {
  return JSON.stringify(await db.auditLog.findMany({ where: { projectId, resourceType: "llm_connection" }, orderBy: { createdAt: "asc" } }));
}
/** Secrets found in `text`. Answers may show a long key's last 4 characters; audit rows not even those. */
const secretsIn = (text: string) => [KEY, NEW_KEY, HEADER_SECRET, KEY.slice(0, -4), NEW_KEY.slice(0, -4)].filter((s) => text.includes(s));
const auditSecretsIn = (text: string) => [...secretsIn(text), ...["WXYZ", "QRST"].filter((s) => text.includes(s))];

describe("LLM connections", () => {
  it("store the key and header values sealed and never return them, nor write them to the audit log", async () => {
    const t = await createOrgAndProject("llm-crud");
    const created = await create(t, { name: "OpenAI prod", baseUrl: `${llm.url}/`, apiKey: KEY, headers: { "x-gateway-secret": HEADER_SECRET }, models: ["gpt-4o-mini", "gpt-4o-mini"] });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ name: "OpenAI prod", baseUrl: llm.url, hasApiKey: true, apiKeyHint: "…WXYZ", headerNames: ["x-gateway-secret"], models: ["gpt-4o-mini"] });
    const id = created.json.id as string;

    const row = await db.$queryRaw<{ api_key_encrypted: string; headers_encrypted: string }[]>`select api_key_encrypted, headers_encrypted from llm_connections where id = ${id}`;
    expect(row[0]!.api_key_encrypted).toMatch(/^v1:/);
    expect(auditSecretsIn(JSON.stringify(row))).toEqual([]);
    // The default Prisma client does not even select them.
    expect(Object.keys(await db.llmConnection.findFirstOrThrow({ where: { id } }))).not.toContain("apiKeyEncrypted");

    const listed = await list(t);
    const got = await call(connectionRoute.GET, "GET", { params: { projectId: t.project.id, connectionId: id }, cookie: t.owner.cookie });
    const renamed = await patch(t, id, { name: "OpenAI main", models: ["gpt-4o-mini", "judge-large"] });
    const rekeyed = await patch(t, id, { apiKey: NEW_KEY });
    expect(rekeyed.json).toMatchObject({ hasApiKey: true, apiKeyHint: "…QRST" });
    const short = await patch(t, id, { apiKey: "sk-short" });
    expect(short.json).toMatchObject({ hasApiKey: true, apiKeyHint: null });
    for (const res of [created, listed, got, renamed, rekeyed, short]) {
      expect(res.status).toBeLessThan(300);
      expect(secretsIn(JSON.stringify(res.json))).toEqual([]);
    }
    expect(listed.json.connections).toHaveLength(1);

    expect((await call(connectionRoute.DELETE, "DELETE", { params: { projectId: t.project.id, connectionId: id }, cookie: t.owner.cookie })).status).toBe(200);
    expect((await list(t)).json.connections).toEqual([]);

    const audit = await db.auditLog.findMany({ where: { projectId: t.project.id, resourceType: "llm_connection" }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["llm_connection.create", "llm_connection.update", "llm_connection.update", "llm_connection.update", "llm_connection.delete"]);
    expect(audit.every((a) => a.actorUserId === t.owner.user.id)).toBe(true);
    expect(audit[1]!.before).toMatchObject({ name: "OpenAI prod" });
    expect(audit[1]!.after).toMatchObject({ name: "OpenAI main", apiKeyChanged: false });
    expect(audit[2]!.after).toMatchObject({ apiKeyChanged: true, hasApiKey: true });
    expect(auditSecretsIn(await auditText(t.project.id))).toEqual([]);
  });

  it("refuse a new base URL without the key in the same request, so a stored key never reaches a new host", async () => {
    const t = await createOrgAndProject("llm-host");
    const id = (await create(t, { name: "main", baseUrl: llm.url, apiKey: KEY, headers: { "x-gateway-secret": HEADER_SECRET } })).json.id as string;

    const moved = await patch(t, id, { baseUrl: other.url });
    expect(moved.status).toBe(400);
    expect(moved.json.error.message).toMatch(/^body\.apiKey: changing the base URL requires entering the API key again/);
    const withoutHeaders = await patch(t, id, { baseUrl: other.url, apiKey: NEW_KEY });
    expect(withoutHeaders.status).toBe(400);
    expect(withoutHeaders.json.error.message).toMatch(/^body\.headers: changing the base URL requires entering the headers again \(x-gateway-secret/);
    // Nothing changed, and the old host is still the one called with the old key.
    expect((await test(t, id)).json).toMatchObject({ ok: true, models: ["gpt-4o-mini", "judge-large"] });

    const ok = await patch(t, id, { baseUrl: other.url, apiKey: NEW_KEY, headers: null });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ baseUrl: other.url, headerNames: [] });
    expect((await test(t, id)).json).toMatchObject({ ok: true, models: ["other-model"] });
    expect(other.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${NEW_KEY}`]);
    expect(other.requests[0]!.headers["x-gateway-secret"]).toBeUndefined();
    // The same URL again is not a move.
    expect((await patch(t, id, { baseUrl: `${other.url}/` })).status).toBe(200);
    expect(llm.requests.every((r) => r.headers.authorization === `Bearer ${KEY}`)).toBe(true);
  });

  it("test connection: lists models with latency, reports a 500 and a timeout clearly, and sends key and headers", async () => {
    const t = await createOrgAndProject("llm-test");
    const id = (await create(t, { name: "fake", baseUrl: llm.url, apiKey: KEY, headers: { "x-gateway-secret": HEADER_SECRET } })).json.id as string;
    const ok = await test(t, id);
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ ok: true, check: "models", models: ["gpt-4o-mini", "judge-large"], latencyMs: expect.any(Number) });
    expect(llm.requests[0]).toMatchObject({ method: "GET", path: "/v1/models" });
    expect(llm.requests[0]!.headers["x-gateway-secret"]).toBe(HEADER_SECRET);

    const chat = await test(t, id, { model: "gpt-4o-mini" });
    expect(chat.json).toMatchObject({ ok: true, check: "chat" });
    expect(llm.chatRequests()[0]!.body).toMatchObject({ model: "gpt-4o-mini", max_tokens: 1 });

    llm.script({ when: { path: "/v1/models" }, reply: { status: 500 } });
    const failed = await test(t, id);
    expect(failed.json).toMatchObject({ ok: false, error: { kind: "http", status: 500 } });
    expect(failed.json.error.message).toMatch(/\/v1\/models answered 500: fake provider answered 500/);

    llm.reset();
    llm.script({ when: { path: "/v1/models" }, reply: { delayMs: 2000 } });
    const started = performance.now();
    const slow = await test(t, id, { timeoutMs: 200 });
    expect(slow.json).toMatchObject({ ok: false, latencyMs: null, error: { kind: "timeout", status: null } });
    expect(slow.json.error.message).toMatch(/did not answer within 200 ms/);
    expect(performance.now() - started).toBeLessThan(1500);
    expect(llm.requests).toHaveLength(1); // one attempt: a test shows the first failure

    const wrongKey = await patch(t, id, { apiKey: "sk-not-the-right-key-0000" });
    expect(wrongKey.status).toBe(200);
    llm.reset();
    expect((await test(t, id)).json).toMatchObject({ ok: false, error: { kind: "http", status: 401 } });
  });

  it("apply the outbound guard when saved and when connecting", async () => {
    const t = await createOrgAndProject("llm-ssrf");
    const metadata = await create(t, { name: "meta", baseUrl: "http://169.254.169.254/latest", apiKey: KEY });
    expect(metadata.status).toBe(400);
    expect(metadata.json.error.message).toMatch(/^body\.baseUrl: 169\.254\.169\.254 resolves to 169\.254\.169\.254, a private or reserved address/);
    const saved = await create(t, { name: "fake", baseUrl: llm.url, apiKey: KEY });
    expect(saved.status).toBe(201);
    await withoutAllowList(async () => {
      expect((await create(t, { name: "loopback", baseUrl: llm.url, apiKey: KEY })).status).toBe(400);
      expect((await patch(t, saved.json.id, { baseUrl: "http://localhost:5432/v1", apiKey: KEY })).status).toBe(400);
      // Saved while allowed, refused at connect time: no request reaches the provider.
      const res = await test(t, saved.json.id);
      expect(res.json).toMatchObject({ ok: false, error: { kind: "blocked" } });
      expect(res.json.error.message).toMatch(/^refused: 127\.0\.0\.1 resolves to 127\.0\.0\.1/);
    });
    expect(llm.requests).toHaveLength(0);
    expect((await list(t)).json.connections.map((c: { name: string }) => c.name)).toEqual(["fake"]);
  });

  it("let owners, admins and engineers manage; viewers and pms read without secrets; annotators nothing; other projects 404", async () => {
    const t = await createOrgAndProject("llm-roles");
    const [engineer, viewer, pm, annotator] = [await addMember(t, "engineer"), await addMember(t, "viewer"), await addMember(t, "pm"), await addMember(t, "annotator")];
    const made = await create(t, { name: "by engineer", baseUrl: llm.url, apiKey: KEY }, engineer);
    expect(made.status).toBe(201);
    const id = made.json.id as string;
    for (const who of [viewer, pm]) {
      const read = await list(t, who);
      expect(read.status).toBe(200);
      expect(read.json.connections[0]).toMatchObject({ name: "by engineer", hasApiKey: true });
      expect(secretsIn(JSON.stringify(read.json))).toEqual([]);
      expect((await create(t, { name: "x", baseUrl: llm.url }, who)).status).toBe(403);
      expect((await patch(t, id, { models: ["x"] }, who)).status).toBe(403);
      expect((await call(connectionRoute.DELETE, "DELETE", { params: { projectId: t.project.id, connectionId: id }, cookie: who.cookie })).status).toBe(403);
      expect((await call(testRoute.POST, "POST", { params: { projectId: t.project.id, connectionId: id }, cookie: who.cookie, body: {} })).status).toBe(403);
    }
    expect((await list(t, annotator)).status).toBe(403);
    expect((await call(connectionRoute.GET, "GET", { params: { projectId: t.project.id, connectionId: id }, cookie: annotator.cookie })).status).toBe(403);
    expect(llm.requests).toHaveLength(0);

    const stranger = await createOrgAndProject("llm-roles-other");
    expect((await list(t, stranger.owner)).status).toBe(404);
    // Another project's owner, in their own project, cannot reach this connection by id.
    const foreign = await patch(stranger, id, { models: ["pwned"] });
    expect(foreign.status).toBe(404);
    expect((await db.llmConnection.findFirstOrThrow({ where: { id } })).models).toEqual([]);
  });

  it("answer 409 for a name taken in the project, and allow the same name in another project", async () => {
    const t = await createOrgAndProject("llm-names");
    expect((await create(t, { name: "main", baseUrl: llm.url })).status).toBe(201);
    const second = await create(t, { name: "backup", baseUrl: llm.url });
    expect((await create(t, { name: "main", baseUrl: other.url })).status).toBe(409);
    expect((await patch(t, second.json.id, { name: "main" })).status).toBe(409);
    expect((await create(await createOrgAndProject("llm-names-2"), { name: "main", baseUrl: llm.url })).status).toBe(201);
  });
});

describe("PUT /api/public/llm-connections/{name}", () => {
  it("creates, then replaces, the key's project connection; never returns the key; audits with the API key as actor", async () => {
    const t = await createOrgAndProject("llm-public");
    const key = await createKey(t.project);
    const auth = `Bearer ${key.secretKey}`;
    const name = "CI 판사 모델";
    // Next hands the decoded segment over; a twice-encoded one is decoded too.
    const first = await call(publicRoute.PUT, "PUT", { params: { name }, authorization: auth, body: { baseUrl: llm.url, apiKey: KEY, models: ["judge-large"], headers: { "x-gateway-secret": HEADER_SECRET } } });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ name, hasApiKey: true, headerNames: ["x-gateway-secret"], models: ["judge-large"] });
    const again = await call(publicRoute.PUT, "PUT", { params: { name: encodeURIComponent(name) }, authorization: auth, body: { baseUrl: other.url, apiKey: NEW_KEY } });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ id: first.json.id, name, baseUrl: other.url, headerNames: [], models: [] });
    for (const res of [first, again]) expect(secretsIn(JSON.stringify(res.json))).toEqual([]);

    const audit = await db.auditLog.findMany({ where: { projectId: t.project.id, resourceType: "llm_connection" }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => [a.action, a.actorApiKey])).toEqual([["llm_connection.create", key.id], ["llm_connection.update", key.id]]);
    expect(auditSecretsIn(await auditText(t.project.id))).toEqual([]);
    // The replaced connection calls the new host with the new key.
    const conn = (await list(t)).json.connections[0];
    expect((await test(t, conn.id)).json).toMatchObject({ ok: true, models: ["other-model"] });

    const bad = await call(publicRoute.PUT, "PUT", { params: { name }, authorization: auth, body: { baseUrl: "http://169.254.169.254/v1", apiKey: KEY } });
    expect(bad.status).toBe(400);
    expect((await call(publicRoute.PUT, "PUT", { params: { name }, authorization: auth, body: { baseUrl: llm.url } })).status).toBe(400);
    expect((await call(publicRoute.PUT, "PUT", { params: { name }, authorization: `Bearer ${key.publicKey}`, body: { baseUrl: llm.url, apiKey: KEY } })).status).toBe(403);
  });
});
