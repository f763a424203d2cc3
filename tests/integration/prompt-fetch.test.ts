// GET /api/public/prompts/{name} against a real Postgres: resolution, 404s, ETag/304,
// canary assignment, tenant isolation, and cache invalidation by LISTEN/NOTIFY.
import { afterAll, describe, expect, it } from "vitest";
import * as promptRoute from "@/app/api/public/prompts/[...name]/route";
import { db } from "@/lib/db";
import { promptListenerStatus, stopPromptFetch } from "@/lib/prompts/fetch/fetch-prompt";
import { createKey, createOrgAndProject } from "../factories";
import { endCanary, moveLabel, seedPrompt, startCanary } from "../support/prompt-rows";

afterAll(() => stopPromptFetch());

type Fetched = { status: number; json: any; etag: string | null }; // eslint-disable-line @typescript-eslint/no-explicit-any

async function getPrompt(secretKey: string, name: string, query: Record<string, string> = {}, headers: Record<string, string> = {}): Promise<Fetched> {
  const url = new URL(`http://localhost/api/public/prompts/${name}`);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  const req = new Request(url, { headers: { authorization: `Bearer ${secretKey}`, ...headers } });
  const res = await promptRoute.GET(req, { params: Promise.resolve({ name: name.split("/") }) });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null, etag: res.headers.get("etag") };
}

async function tenantWithPrompt(name = "support/answer") {
  const t = await createOrgAndProject("prompts");
  const key = await createKey(t.project);
  const { promptId } = await seedPrompt({
    projectId: t.project.id, name, labels: { production: 2, staging: 3 },
    versions: ["Answer {{question}} briefly.", "Answer {{question}} politely.", "{{question}}에 정중하게 답하세요."],
  });
  return { ...t, key, promptId, sk: key.secretKey };
}

async function waitForListener() {
  for (let i = 0; i < 100 && !promptListenerStatus().listening; i++) await new Promise((r) => setTimeout(r, 50));
  expect(promptListenerStatus().listening).toBe(true);
}

/** Fetches until `done` holds; the time from the first try, failing after 3 s. */
async function timeUntil(fetch: () => Promise<Fetched>, done: (f: Fetched) => boolean): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    if (done(await fetch())) return performance.now() - t0;
    if (performance.now() - t0 > 3_000) throw new Error("not seen within 3 s");
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe("GET /api/public/prompts/{name}", () => {
  it("resolves production by default, a label, latest and a version, with the labels of each", async () => {
    const t = await tenantWithPrompt();
    const production = await getPrompt(t.sk, "support/answer");
    expect(production.status).toBe(200);
    expect(production.json).toEqual({
      name: "support/answer", version: 2, type: "text", template: "Answer {{question}} politely.",
      config: { model: "gpt-4o-mini", temperature: 0.2 }, labels: ["production"], canary: false,
    });
    expect((await getPrompt(t.sk, "support/answer", { label: "staging" })).json).toMatchObject({ version: 3, labels: ["staging", "latest"] });
    expect((await getPrompt(t.sk, "support/answer", { label: "latest" })).json).toMatchObject({ version: 3, template: "{{question}}에 정중하게 답하세요." });
    expect((await getPrompt(t.sk, "support/answer", { version: "1" })).json).toMatchObject({ version: 1, labels: [], canary: false });

    const messages = [{ role: "system", content: "You are {{persona}}." }, { role: "user", content: "{{question}}" }];
    await seedPrompt({ projectId: t.project.id, name: "chat-bot", versions: [messages], labels: { production: 1 } });
    expect((await getPrompt(t.sk, "chat-bot")).json).toMatchObject({ type: "chat", template: messages, labels: ["production", "latest"] });
  });

  it("answers 404 naming the missing prompt, label or version, and 400 for label and version together", async () => {
    const t = await tenantWithPrompt();
    const missing = await getPrompt(t.sk, "no/such-prompt");
    expect(missing.status).toBe(404);
    expect(missing.json.error.message).toBe("Prompt 'no/such-prompt' not found");
    expect((await getPrompt(t.sk, "support/answer", { label: "canary-eu" })).json.error.message).toBe("Prompt 'support/answer' has no label 'canary-eu'");
    expect((await getPrompt(t.sk, "support/answer", { version: "9" })).json.error.message).toBe("Prompt 'support/answer' has no version 9");
    const both = await getPrompt(t.sk, "support/answer", { version: "1", label: "staging" });
    expect(both.status).toBe(400);
    expect(both.json.error.message).toMatch(/query\.version: pass either label or version/);
    const empty = await seedPrompt({ projectId: t.project.id, name: "empty", versions: [] });
    expect(empty.promptId).toBeTruthy();
    expect((await getPrompt(t.sk, "empty", { label: "latest" })).json.error.message).toBe("Prompt 'empty' has no versions yet");
  });

  it("answers another project's key with 404, even when that project has a prompt of the same name", async () => {
    const a = await tenantWithPrompt("shared-name");
    const b = await createOrgAndProject("other");
    const bKey = await createKey(b.project);
    expect((await getPrompt(bKey.secretKey, "shared-name")).status).toBe(404);
    await seedPrompt({ projectId: b.project.id, name: "shared-name", versions: ["B's own"], labels: { production: 1 } });
    expect((await getPrompt(bKey.secretKey, "shared-name")).json.template).toBe("B's own");
    expect((await getPrompt(a.sk, "shared-name")).json.template).toBe("Answer {{question}} politely.");
    expect((await getPrompt(a.key.publicKey, "shared-name")).status).toBe(403); // Bearer pk-…: a public key cannot fetch prompts
  });

  it("sends an ETag, answers If-None-Match with an empty 304, and a new ETag once the label moves", async () => {
    const t = await tenantWithPrompt();
    const first = await getPrompt(t.sk, "support/answer");
    expect(first.etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect((await getPrompt(t.sk, "support/answer")).etag).toBe(first.etag);
    const notModified = await getPrompt(t.sk, "support/answer", {}, { "if-none-match": first.etag! });
    expect(notModified).toEqual({ status: 304, json: null, etag: first.etag });
    expect((await getPrompt(t.sk, "support/answer", {}, { "if-none-match": `"other", W/${first.etag}` })).status).toBe(304);
    expect((await getPrompt(t.sk, "support/answer", { label: "staging" }, { "if-none-match": first.etag! })).status).toBe(200);

    await moveLabel({ projectId: t.project.id, promptId: t.promptId, label: "production", version: 3 });
    await timeUntil(() => getPrompt(t.sk, "support/answer", {}, { "if-none-match": first.etag! }), (f) => f.status === 200);
    const moved = await getPrompt(t.sk, "support/answer", {}, { "if-none-match": first.etag! });
    expect(moved.json.version).toBe(3);
    expect(moved.etag).not.toBe(first.etag);
  });

  it("gives the canary to p % of 10,000 sticky keys (±1.5 points), the same version to a key on every fetch, and p % of keyless calls", async () => {
    const t = await tenantWithPrompt();
    const percent = 20;
    await startCanary({ projectId: t.project.id, promptId: t.promptId, label: "production", version: 3, percent });
    await timeUntil(() => getPrompt(t.sk, "support/answer", { stickyKey: "probe" }), (f) => f.status === 200); // canary visible
    const keys = Array.from({ length: 10_000 }, (_, i) => `user-${i}`);
    const chosen = new Map<string, number>();
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < keys.length; i += 500) {
        const answers = await Promise.all(keys.slice(i, i + 500).map((k) => getPrompt(t.sk, "support/answer", { stickyKey: k })));
        answers.forEach((a, j) => {
          const key = keys[i + j]!;
          expect(a.json.canary).toBe(a.json.version === 3);
          if (round === 0) chosen.set(key, a.json.version);
          else expect(a.json.version, `${key} changed version on fetch ${round + 1}`).toBe(chosen.get(key));
        });
      }
    }
    const share = ([...chosen.values()].filter((v) => v === 3).length / keys.length) * 100;
    expect(Math.abs(share - percent)).toBeLessThanOrEqual(1.5);

    const keyless = await Promise.all(Array.from({ length: 4_000 }, () => getPrompt(t.sk, "support/answer")));
    const keylessShare = (keyless.filter((a) => a.json.canary).length / keyless.length) * 100;
    expect(Math.abs(keylessShare - percent)).toBeLessThan(3); // ±3 points ≈ 4.7 standard deviations at n = 4,000

    const canaryId = (await db.promptLabel.findFirstOrThrow({ where: { projectId: t.project.id, promptId: t.promptId, label: "production" } })).canaryId!;
    await endCanary({ projectId: t.project.id, canaryId });
    await timeUntil(() => getPrompt(t.sk, "support/answer", { stickyKey: "probe" }), () => true);
    await timeUntil(async () => {
      const all = await Promise.all(keys.slice(0, 300).map((k) => getPrompt(t.sk, "support/answer", { stickyKey: k })));
      return { status: 200, etag: null, json: all.every((a) => a.json.version === 2 && !a.json.canary) };
    }, (f) => f.json === true);
  });

  it("shows a label move to the next fetch within 1 s of the NOTIFY, and keeps serving its cache without one", async () => {
    const t = await tenantWithPrompt();
    await waitForListener();
    expect((await getPrompt(t.sk, "support/answer")).json.version).toBe(2); // cached now

    await moveLabel({ projectId: t.project.id, promptId: t.promptId, label: "production", version: 1, notify: false });
    await new Promise((r) => setTimeout(r, 1_200)); // longer than the fallback TTL (500 ms): only the LISTEN keeps this entry
    expect((await getPrompt(t.sk, "support/answer")).json.version).toBe(2);

    await moveLabel({ projectId: t.project.id, promptId: t.promptId, label: "production", version: 3 });
    const ms = await timeUntil(() => getPrompt(t.sk, "support/answer"), (f) => f.json.version === 3);
    expect(ms).toBeLessThan(1_000);
  });

  it("when the LISTEN connection is cut, still shows moves within 1 s, reconnects, and caches again", async () => {
    const t = await tenantWithPrompt();
    await waitForListener();
    expect((await getPrompt(t.sk, "support/answer")).json.version).toBe(2);
    const pid = promptListenerStatus().backendPid!;
    await db.$queryRaw`select pg_terminate_backend(${pid}::int)`;
    // This NOTIFY goes nowhere: the listener is gone. The short TTL must cover it.
    await moveLabel({ projectId: t.project.id, promptId: t.promptId, label: "production", version: 1 });
    expect(await timeUntil(() => getPrompt(t.sk, "support/answer"), (f) => f.json.version === 1)).toBeLessThan(1_000);

    await waitForListener();
    expect(promptListenerStatus().backendPid).not.toBe(pid);
    await getPrompt(t.sk, "support/answer"); // read while listening again
    await moveLabel({ projectId: t.project.id, promptId: t.promptId, label: "production", version: 2, notify: false });
    await new Promise((r) => setTimeout(r, 1_200));
    expect((await getPrompt(t.sk, "support/answer")).json.version).toBe(1); // cached, so the listener is back
    await moveLabel({ projectId: t.project.id, promptId: t.promptId, label: "production", version: 3 });
    expect(await timeUntil(() => getPrompt(t.sk, "support/answer"), (f) => f.json.version === 3)).toBeLessThan(1_000);
  });
});
