import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as settingsRoute from "@/app/api/projects/[projectId]/drift/settings/route";
import { db } from "@/lib/db";
import { embeddingSettings } from "@/lib/drift/embedding-settings";
import { updateEmbeddingSettings } from "@/lib/drift/update-embedding-settings";
import { computeMissingEmbeddings } from "@/lib/embeddings/compute-embeddings";
import { createKey, createOrgAndProject } from "../factories";
import { call } from "../support/route";
import { hex } from "../support/ingest";
import { sendBatch, spanEvent } from "../support/drift-spans";

const ns = (ms: number) => `${BigInt(ms) * 1_000_000n}`;

/** A fake OpenAI-compatible embeddings server on 127.0.0.1 whose behaviour each test sets. */
type Behaviour = "ok" | "rate-limit-once" | "server-error" | "wrong-dimension";
let server: Server;
let baseUrl: string;
let behaviour: Behaviour = "ok";
const seen: { auth: string | undefined; body: { model: string; input: string[] } }[] = [];

beforeAll(async () => {
  let rateLimited = false;
  server = createServer(async (req: IncomingMessage, res) => {
    let raw = "";
    for await (const chunk of req) raw += chunk;
    const body = JSON.parse(raw) as { model: string; input: string[] };
    seen.push({ auth: req.headers.authorization, body });
    const reply = (status: number, payload: object, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(payload));
    };
    if (req.url !== "/v1/embeddings" || req.method !== "POST") return reply(404, { error: { message: "not found" } });
    if (req.headers.authorization !== "Bearer sk-good") return reply(401, { error: { message: "Incorrect API key provided" } });
    if (behaviour === "rate-limit-once" && !rateLimited) {
      rateLimited = true;
      return reply(429, { error: { message: "Rate limit reached" } }, { "retry-after": "0" });
    }
    if (behaviour === "server-error") return reply(500, { error: { message: "upstream exploded" } });
    const data = body.input.map((text, index) => {
      const dim = behaviour === "wrong-dimension" && index === 1 ? 3 : 4;
      return { object: "embedding", index, embedding: Array.from({ length: dim }, (_, j) => ((text.length * (j + 1)) % 7) / 7 + (/[가-힣]/.test(text) ? j : 0)) };
    });
    reply(200, { object: "list", data, model: body.model });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("provider embeddings (fake OpenAI-compatible server)", () => {
  async function projectWithSpans(name: string, apiKey: string) {
    const t = await createOrgAndProject(name);
    const key = await createKey(t.project);
    await sendBatch(key.secretKey, [0, 1, 2].map((i) => spanEvent(hex(16), { input: [{ role: "user", content: `question number ${i} about refunds` }] })));
    const put = await call(settingsRoute.PUT, "PUT", {
      cookie: t.owner.cookie, params: { projectId: t.project.id },
      body: { provider: "provider", fields: ["input"], providerConfig: { baseUrl, model: "fake-embed-4", apiKey } },
    });
    expect(put.status).toBe(200);
    return t;
  }

  it("stores the API key encrypted, never returns it, and embeds span text through POST /v1/embeddings", async () => {
    behaviour = "ok";
    const t = await projectWithSpans("prov-ok", "sk-good");
    const stored = JSON.stringify((await db.projectSettings.findUniqueOrThrow({ where: { projectId: t.project.id } })).embeddingSettings);
    expect(stored).not.toContain("sk-good");
    const get = await call(settingsRoute.GET, "GET", { cookie: t.owner.cookie, params: { projectId: t.project.id } });
    expect(get.json.settings.providerConfig).toEqual({ baseUrl, model: "fake-embed-4", hasApiKey: true });
    expect(JSON.stringify(get.json)).not.toContain("sk-good");

    seen.length = 0;
    const [result] = await computeMissingEmbeddings({ projectId: t.project.id });
    expect(result).toMatchObject({ field: "input", model: "fake-embed-4", embedded: 3 });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.auth).toBe("Bearer sk-good");
    expect(seen[0]!.body.model).toBe("fake-embed-4");
    expect(seen[0]!.body.input.sort()).toEqual(["question number 0 about refunds", "question number 1 about refunds", "question number 2 about refunds"]);
    const rows = await db.embedding.findMany({ where: { projectId: t.project.id } });
    expect(rows.map((r) => [r.source, r.dimension])).toEqual([["provider", 4], ["provider", 4], ["provider", 4]]);
    // Updating other settings keeps the stored key.
    await updateEmbeddingSettings({ project: t.project, actorUserId: t.owner.user.id, changes: { windows: 10, providerConfig: { baseUrl, model: "fake-embed-4" } } });
    expect((await embeddingSettings({ projectId: t.project.id })).providerConfig?.apiKeyEncrypted).toBeTruthy();

    // A new base URL without the key: refused, so the stored key never reaches the new host.
    const moved = await call(settingsRoute.PUT, "PUT", { cookie: t.owner.cookie, params: { projectId: t.project.id }, body: { providerConfig: { baseUrl: "https://attacker.example/v1", model: "fake-embed-4" } } });
    expect(moved.status).toBe(400);
    expect(moved.json.error.message).toMatch(/^body\.providerConfig\.apiKey: required when the base URL changes/);
    expect((await embeddingSettings({ projectId: t.project.id })).providerConfig?.baseUrl).toBe(baseUrl);
    // With a key (or null) the move is allowed; each change is audited without the key.
    const withKey = await call(settingsRoute.PUT, "PUT", { cookie: t.owner.cookie, params: { projectId: t.project.id }, body: { providerConfig: { baseUrl: `${baseUrl}/`, model: "fake-embed-4", apiKey: null } } });
    expect(withKey.status).toBe(200);
    const audit = await db.auditLog.findMany({ where: { projectId: t.project.id, action: "project.embedding_settings.update" }, orderBy: { createdAt: "asc" } });
    expect(audit.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(audit)).not.toContain("sk-good");
    expect(audit.at(-1)!.after).toMatchObject({ providerConfig: { baseUrl, hasApiKey: false } });
  });

  it("keeps a watermark per provider model: a new model starts with a sweep, switching back resumes the old one", async () => {
    behaviour = "ok";
    const t = await projectWithSpans("prov-switch", "sk-good");
    const key = await createKey(t.project);
    expect((await computeMissingEmbeddings({ projectId: t.project.id }))[0]).toMatchObject({ model: "fake-embed-4", embedded: 3, sweep: true });
    await updateEmbeddingSettings({ project: t.project, actorUserId: t.owner.user.id, changes: { providerConfig: { baseUrl, model: "fake-embed-b" } } });
    expect((await computeMissingEmbeddings({ projectId: t.project.id }))[0]).toMatchObject({ model: "fake-embed-b", embedded: 3, sweep: true });
    await sendBatch(key.secretKey, [spanEvent(hex(16), { input: [{ role: "user", content: "a question asked under the other model" }] }, new Date(Date.now() - 1000))]);
    expect((await computeMissingEmbeddings({ projectId: t.project.id }))[0]).toMatchObject({ model: "fake-embed-b", embedded: 1, sweep: false });
    // Back to the first model: its watermark still holds for older spans, and the span that
    // arrived meanwhile is above it, so an incremental pass is enough.
    await updateEmbeddingSettings({ project: t.project, actorUserId: t.owner.user.id, changes: { providerConfig: { baseUrl, model: "fake-embed-4" } } });
    expect((await computeMissingEmbeddings({ projectId: t.project.id }))[0]).toMatchObject({ model: "fake-embed-4", embedded: 1, sweep: false });
    expect(await db.embedding.count({ where: { projectId: t.project.id } })).toBe(8);
  });

  it("fails clearly on 401 without retrying, and retries a 429", async () => {
    behaviour = "ok";
    const bad = await projectWithSpans("prov-401", "sk-wrong");
    seen.length = 0;
    await expect(computeMissingEmbeddings({ projectId: bad.project.id })).rejects.toThrow(/rejected the API key \(401\): Incorrect API key provided/);
    expect(seen).toHaveLength(1);

    behaviour = "rate-limit-once";
    const limited = await projectWithSpans("prov-429", "sk-good");
    seen.length = 0;
    const [result] = await computeMissingEmbeddings({ projectId: limited.project.id });
    expect(result!.embedded).toBe(3);
    expect(seen).toHaveLength(2);
  });

  it("gives up on repeated 500s and rejects a response with a wrong dimension, storing nothing", async () => {
    behaviour = "server-error";
    const failing = await projectWithSpans("prov-500", "sk-good");
    seen.length = 0;
    await expect(computeMissingEmbeddings({ projectId: failing.project.id })).rejects.toThrow(/answered 500: upstream exploded \(gave up after 4 attempts\)/);
    expect(seen).toHaveLength(4);
    expect(await db.embedding.count({ where: { projectId: failing.project.id } })).toBe(0);

    behaviour = "wrong-dimension";
    const wrong = await projectWithSpans("prov-dim", "sk-good");
    await expect(computeMissingEmbeddings({ projectId: wrong.project.id })).rejects.toThrow(/vector of dimension 3 at index 1; expected 4/);
    expect(await db.embedding.count({ where: { projectId: wrong.project.id } })).toBe(0);
  });
});
