// Prompt fetching across processes and through the SDK: two Pharos servers on one Postgres
// (a label move must reach the second process's cache too), and pharos.getPrompt against a
// real server — caching, revalidation, fallback when Pharos is down, last good copy on error,
// compile errors, and generations linked to the prompt they used. No mocks: real HTTP.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, type RunningPostgres, startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import { migrateDeploy } from "../../scripts/lib/migrate";
import { observeOpenAI, Pharos, PromptCompileError, type PharosError } from "../../sdk/src/index";
import { getJson } from "../support/http-session";
import { type PharosServer, startPharos } from "../support/pharos-server";
import { startFakeOpenAI } from "../support/sdk-servers";

const SECRET = "sk-prompts-e2e-0123456789abcdef";
const init = {
  PHAROS_INIT_ORG_NAME: "Prompts org", PHAROS_INIT_PROJECT_NAME: "Prompts project", PHAROS_INIT_USER_EMAIL: "prompts@example.test",
  PHAROS_INIT_USER_PASSWORD: "prompts-password-1", PHAROS_INIT_PROJECT_PUBLIC_KEY: "pk-prompts-e2e-0123456789", PHAROS_INIT_PROJECT_SECRET_KEY: SECRET,
};

/** A GET forwarder in front of Pharos that counts requests and can play dead. */
async function startGate(target: string) {
  const gate = { url: "", gets: [] as { path: string; ifNoneMatch?: string; status: number }[], down: false, close: async () => {} };
  const server = http.createServer(async (req, res) => {
    if (gate.down) return void req.socket.destroy();
    const headers: Record<string, string> = { authorization: req.headers.authorization ?? "" };
    if (req.headers["if-none-match"]) headers["if-none-match"] = String(req.headers["if-none-match"]);
    const upstream = await fetch(`${target}${req.url}`, { headers });
    gate.gets.push({ path: req.url ?? "", ifNoneMatch: headers["if-none-match"], status: upstream.status });
    const out: Record<string, string> = { "content-type": upstream.headers.get("content-type") ?? "application/json" };
    if (upstream.headers.get("etag")) out.etag = upstream.headers.get("etag")!;
    res.writeHead(upstream.status, out);
    res.end(Buffer.from(await upstream.arrayBuffer()));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  gate.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  gate.close = () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); });
  return gate;
}

describe("prompt fetching across processes and through the SDK", () => {
  let dir: string;
  let postgres: RunningPostgres;
  let a: PharosServer;
  let b: PharosServer;
  let prompts: typeof import("../support/prompt-rows");
  let projectId: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "pharos-prompts-e2e-"));
    await chmod(dir, 0o711);
    postgres = await startEmbeddedPostgres({ dir: path.join(dir, "pg"), database: "pharos" });
    await migrateDeploy(postgres.url, { quiet: true });
    a = await startPharos({ databaseUrl: postgres.url, env: init });
    b = await startPharos({ databaseUrl: postgres.url, env: init });
    // The test process writes rows as the registry would: through Prisma, on the same database.
    process.env.DATABASE_URL = postgres.url;
    prompts = await import("../support/prompt-rows");
    const { db } = await import("@/lib/db");
    projectId = (await db.project.findFirstOrThrow({ where: { name: "Prompts project" } })).id;
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    const { db } = await import("@/lib/db");
    await db.$disconnect();
    await postgres?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const get = (server: PharosServer, name: string) => getJson(server.baseUrl, `/api/public/prompts/${name}`, { authorization: `Bearer ${SECRET}` });
  async function msUntil(server: PharosServer, name: string, version: number): Promise<number> {
    const t0 = performance.now();
    while ((await get(server, name)).json.version !== version) {
      if (performance.now() - t0 > 3_000) throw new Error(`${server.baseUrl} still serves the old version after 3 s`);
      await new Promise((r) => setTimeout(r, 10));
    }
    return performance.now() - t0;
  }

  it("shows a label move to the next fetch in both server processes within 1 s", async () => {
    const { promptId } = await prompts.seedPrompt({ projectId, name: "support/answer", versions: ["v1 {{q}}", "v2 {{q}}", "v3 {{q}}"], labels: { production: 1 } });
    for (const server of [a, b]) expect((await get(server, "support/answer")).json.version).toBe(1);
    // The first fetch opens a process's LISTEN connection; what it read before that lives only
    // 500 ms. Read again once it holds, so both processes now cache for as long as nothing moves.
    await new Promise((r) => setTimeout(r, 700));
    for (const server of [a, b]) expect((await get(server, "support/answer")).json.version).toBe(1);
    // Without the NOTIFY neither process re-reads: the cache, not Postgres, answers them.
    await prompts.moveLabel({ projectId, promptId, label: "production", version: 2, notify: false });
    await new Promise((r) => setTimeout(r, 1_200));
    for (const server of [a, b]) expect((await get(server, "support/answer")).json.version).toBe(1);

    await prompts.moveLabel({ projectId, promptId, label: "production", version: 3 });
    const [msA, msB] = await Promise.all([msUntil(a, "support/answer", 3), msUntil(b, "support/answer", 3)]);
    expect(msA).toBeLessThan(1_000);
    expect(msB).toBeLessThan(1_000);
  });

  it("getPrompt caches, revalidates stale copies with If-None-Match, falls back, and keeps the last good copy", async () => {
    const { promptId } = await prompts.seedPrompt({ projectId, name: "greeting", versions: ["Hello {{name}}!", "Hi {{name}}, welcome back."], labels: { production: 1 } });
    const gate = await startGate(a.baseUrl);
    const errors: PharosError[] = [];
    const pharos = new Pharos({ baseUrl: gate.url, secretKey: SECRET, requestTimeoutMs: 2_000, onError: (e) => errors.push(e) });
    try {
      const first = await pharos.getPrompt("greeting", { cacheTtlSeconds: 1 });
      expect(first).toMatchObject({ name: "greeting", version: 1, type: "text", labels: ["production"], isFallback: false });
      expect(await pharos.getPrompt("greeting", { cacheTtlSeconds: 1 })).toBe(first); // from the cache
      expect(gate.gets).toHaveLength(1);

      await new Promise((r) => setTimeout(r, 1_100));
      expect(await pharos.getPrompt("greeting", { cacheTtlSeconds: 1 })).toBe(first); // stale, served at once…
      await expect.poll(() => gate.gets.length).toBe(2); // …and revalidated: 304, nothing changed
      expect(gate.gets[1]).toMatchObject({ status: 304, ifNoneMatch: expect.stringMatching(/^"/) });

      await prompts.moveLabel({ projectId, promptId, label: "production", version: 2 });
      await new Promise((r) => setTimeout(r, 1_100));
      await pharos.getPrompt("greeting", { cacheTtlSeconds: 1 }); // stale again: triggers the refresh
      await expect.poll(async () => (await pharos.getPrompt("greeting", { cacheTtlSeconds: 1 })).version).toBe(2);

      // Last good copy: Pharos unreachable, a fetch on every call (ttl 0) still answers with v2 and reports.
      gate.down = true;
      const lastGood = await pharos.getPrompt("greeting", { cacheTtlSeconds: 0 });
      expect(lastGood).toMatchObject({ version: 2, isFallback: false });
      expect(errors.at(-1)?.code).toBe("network");
      // Nothing cached under this key: the fallback, never a throw; without one, a PharosError.
      const fallback = await pharos.getPrompt("greeting", { label: "staging", fallback: "Hello {{name}} (offline)" });
      expect(fallback).toMatchObject({ name: "greeting", version: null, isFallback: true });
      expect(fallback.compile({ name: "Mina" })).toBe("Hello Mina (offline)");
      await expect(pharos.getPrompt("greeting", { label: "staging" })).rejects.toMatchObject({ name: "PharosError", code: "network" });
      gate.down = false;
      await expect(pharos.getPrompt("greeting", { label: "staging" })).rejects.toMatchObject({ code: "not_found", message: expect.stringContaining("has no label 'staging'") });

      const closed = new Pharos({ baseUrl: `http://127.0.0.1:${await freePort()}`, secretKey: SECRET, onError: () => undefined });
      const offline = await closed.getPrompt("greeting", { fallback: [{ role: "system", content: "Be brief, {{name}}." }], type: "chat" });
      expect(offline.compile({ name: "Jun" })).toEqual([{ role: "system", content: "Be brief, Jun." }]);
      expect(errors.every((e) => !e.message.includes(SECRET))).toBe(true);
    } finally {
      await gate.close();
    }
  });

  it("compile() names every missing variable and placeholder, and generations carry the prompt's name and version", async () => {
    await prompts.seedPrompt({
      projectId, name: "chat/support", labels: { production: 1 },
      versions: [[{ role: "system", content: "You help {{customer.name}} with {{topic}}." }, { type: "placeholder", name: "history" } as never, { role: "user", content: "{{question}}" }]],
    });
    const pharos = new Pharos({ baseUrl: a.baseUrl, secretKey: SECRET, flushIntervalMs: 60_000 });
    const chat = await pharos.getPrompt("chat/support", { type: "chat" });
    // Variables are named by their first segment, as the server lists them (`customer` for `{{customer.name}}`).
    expect(chat.variables).toEqual(["customer", "topic", "question"]);
    const error = (() => { try { chat.compile({ topic: "refunds" }); } catch (e) { return e; } })() as PromptCompileError;
    expect(error).toBeInstanceOf(PromptCompileError);
    expect(error.message).toBe('Cannot compile prompt "chat/support" version 1: missing variables: customer, question; missing placeholder: history');
    expect(error.missing).toEqual(["customer", "question", "history"]);
    const messages = chat.compile({ customer: { name: "민지" }, topic: "환불", question: "How long do refunds take?" }, { history: [{ role: "assistant", content: "Hi!" }] });
    expect(messages).toEqual([
      { role: "system", content: "You help 민지 with 환불." }, { role: "assistant", content: "Hi!" }, { role: "user", content: "How long do refunds take?" },
    ]);
    const text = await pharos.getPrompt("greeting", { type: "text" });
    expect(() => text.compile({})).toThrow('Cannot compile prompt "greeting" version 2: missing variable: name');

    const trace = pharos.trace({ name: "prompted" });
    const generation = trace.generation({ name: "answer", model: "gpt-4o-mini", prompt: chat, input: messages });
    generation.end({ output: "5 days" });
    const fakeOpenAI = await startFakeOpenAI();
    try {
      const openai = observeOpenAI(new OpenAI({ apiKey: "sk-fake", baseURL: `${fakeOpenAI.url}/v1` }), { pharos, parent: trace });
      await openai.chat.completions.create({ model: "gpt-4o-mini", messages: messages as OpenAI.ChatCompletionMessageParam[] }); // the compiled array links itself
    } finally {
      await fakeOpenAI.close();
    }
    await pharos.shutdown();
    const stored = await getJson(a.baseUrl, `/api/public/traces/${trace.id}`, { authorization: `Bearer ${SECRET}` });
    const generations = stored.json.spans.filter((s: { type: string; kind: string }) => s.kind === "llm" || s.type === "generation");
    expect(generations).toHaveLength(2);
    for (const g of generations) expect(g).toMatchObject({ promptName: "chat/support", promptVersion: 1 });
  });
});
