// embedding_similarity inside runs: the offline drift embedder, and the project's configured
// embeddings provider (the fake provider's POST /v1/embeddings on 127.0.0.1), against real Postgres.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as itemsRoute from "@/app/api/projects/[projectId]/datasets/[datasetId]/items/route";
import * as settingsRoute from "@/app/api/projects/[projectId]/drift/settings/route";
import * as policiesRoute from "@/app/api/projects/[projectId]/prompt-policies/route";
import * as publicRunsRoute from "@/app/api/public/runs/route";
import { db } from "@/lib/db";
import { executeRun } from "@/lib/runs/execute-run";
import { createKey, createOrgAndProject } from "../factories";
import { createDataset } from "../support/datasets";
import { type FakeChatRequest, type FakeLlm, startFakeLlm } from "../support/fake-llm";
import { call } from "../support/route";

let llm: FakeLlm;
beforeAll(async () => {
  llm = await startFakeLlm({ apiKey: "sk-embed-fake-0000" });
});
afterAll(() => llm.close());
beforeEach(() => llm.reset());

const limits = { timeoutMs: 5_000, retry: { maxAttempts: 2, baseDelayMs: 10 } };
const REFUND = "Refunds arrive within 3 business days";
const PARAPHRASE = "The refund arrives within three business days";
const UNRELATED = "Our office is closed on Sundays";

/** A project with golden set "golden": two items whose expected output is REFUND; optionally an embeddings provider (drift still offline). */
async function setup(name: string, provider: boolean) {
  const t = await createOrgAndProject(name);
  const key = await createKey(t.project);
  const dataset = await createDataset(t, "golden");
  const itemIds: string[] = [];
  for (let i = 0; i < 2; i++) {
    const res = await call(itemsRoute.POST, "POST", { params: { projectId: t.project.id, datasetId: dataset.id }, cookie: t.owner.cookie, body: { input: `q${i}`, expectedOutput: REFUND } });
    expect(res.status).toBe(201);
    itemIds.push(res.json.itemId);
  }
  if (provider) {
    const put = await call(settingsRoute.PUT, "PUT", { params: { projectId: t.project.id }, cookie: t.owner.cookie, body: { providerConfig: { baseUrl: llm.url, model: "fake-embed", apiKey: "sk-embed-fake-0000" } } });
    expect(put.status, JSON.stringify(put.json)).toBe(200);
  }
  return { t, auth: `Bearer ${key.secretKey}`, itemIds };
}

/** Supplied outputs: item 0 a paraphrase of the expected output, item 1 unrelated text. */
const startBody = (itemIds: string[], evaluator: Record<string, unknown>) => ({
  dataset: "golden", outputs: [{ itemId: itemIds[0], output: PARAPHRASE }, { itemId: itemIds[1], output: UNRELATED }], evaluators: [{ type: "embedding_similarity", ...evaluator }], minPassRate: 0.5,
});
async function runOnce(s: Awaited<ReturnType<typeof setup>>, evaluator: Record<string, unknown>) {
  const res = await call(publicRunsRoute.POST, "POST", { authorization: s.auth, body: startBody(s.itemIds, evaluator) });
  expect(res.status, JSON.stringify(res.json)).toBe(202);
  const runId = res.json.id as string;
  expect(await executeRun({ projectId: s.t.project.id, runId, limits })).toEqual({ status: "succeeded" });
  const items = await db.runItem.findMany({ where: { projectId: s.t.project.id, runId }, orderBy: { position: "asc" } });
  const byItem = new Map(items.map((i) => [i.itemId, i]));
  const score = (itemId: string) => (byItem.get(itemId)!.scores as Record<string, { status: string; score: number | null; passed: boolean; reason: string }>).embedding_similarity!;
  const run = await db.run.findUniqueOrThrow({ where: { projectId_id: { projectId: s.t.project.id, id: runId } } });
  return { run, paraphrase: score(s.itemIds[0]!), unrelated: score(s.itemIds[1]!), items: s.itemIds.map((id) => byItem.get(id)!) };
}

/** Embeddings that mean something: texts about refunds point one way, everything else the other. */
function topicalEmbeddings(request: FakeChatRequest) {
  const input = request.input as string[];
  return { rawBody: JSON.stringify({ object: "list", data: input.map((t, index) => ({ object: "embedding", index, embedding: /refund/i.test(t) ? [1, 0.1, 0] : [0, 0.1, 1] })) }) };
}
const embeddingCalls = () => llm.requests.filter((r) => r.path === "/v1/embeddings");

describe("embedding_similarity in runs", () => {
  it("offline (the default): a paraphrase passes and unrelated text fails at the threshold, with no provider call", async () => {
    const s = await setup("emb-offline", false);
    const r = await runOnce(s, { threshold: 0.5 });
    expect(r.paraphrase).toMatchObject({ status: "passed", passed: true });
    expect(r.unrelated).toMatchObject({ status: "failed", passed: false });
    expect(r.paraphrase.score!).toBeGreaterThanOrEqual(0.5);
    expect(r.unrelated.score!).toBeLessThan(0.5);
    expect(r.items.map((i) => i.passed)).toEqual([true, false]);
    expect(r.run).toMatchObject({ status: "succeeded", passed: true });
    expect(llm.requests).toHaveLength(0);
  });

  it("provider: embeds output and expected output through the project's provider and records the scores", async () => {
    const s = await setup("emb-provider", true);
    llm.script({ when: { path: "/v1/embeddings" }, reply: topicalEmbeddings });
    const r = await runOnce(s, { embedder: "provider", threshold: 0.9 });
    const calls = embeddingCalls();
    expect(calls).toHaveLength(2);
    expect(calls.every((c) => c.headers.authorization === "Bearer sk-embed-fake-0000" && c.body!.model === "fake-embed")).toBe(true);
    expect(calls.map((c) => c.body!.input).sort()).toEqual([[PARAPHRASE, REFUND], [UNRELATED, REFUND]].sort());
    expect(r.paraphrase).toMatchObject({ status: "passed", passed: true, score: 1 });
    expect(r.unrelated).toMatchObject({ status: "failed", passed: false });
    expect(r.unrelated.score!).toBeCloseTo(0.01 / 1.01, 5);
    expect(r.run).toMatchObject({ status: "succeeded", passed: true });
  });

  it("provider failure makes the evaluator an error on the item, never a pass", async () => {
    const s = await setup("emb-provider-down", true);
    llm.script({ when: { path: "/v1/embeddings" }, reply: { status: 500 } });
    const r = await runOnce(s, { embedder: "provider", threshold: -1 });
    for (const score of [r.paraphrase, r.unrelated]) {
      expect(score).toMatchObject({ status: "error", passed: false, score: null });
      expect(score.reason).toMatch(/embeddings provider failed: .*answered 500/);
    }
    expect(r.items.every((i) => !i.passed)).toBe(true);
    expect(embeddingCalls()).toHaveLength(4); // two items × maxAttempts 2
    expect(r.run).toMatchObject({ status: "succeeded", passed: false });
  });

  it("refuses embedder provider when the project has none configured, naming the field (runs and gates)", async () => {
    const s = await setup("emb-no-provider", false);
    const res = await call(publicRunsRoute.POST, "POST", { authorization: s.auth, body: startBody(s.itemIds, { embedder: "provider" }) });
    expect(res.status).toBe(400);
    expect(res.json.error.message).toMatch(/^body\.evaluators\.0\.embedder: this project has no embeddings provider configured/);
    const unknown = await call(publicRunsRoute.POST, "POST", { authorization: s.auth, body: startBody(s.itemIds, { embedder: "openai" }) });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.message).toBe("body.evaluators.0.embedder: must be offline or provider");

    const policy = (embedder: string) => call(policiesRoute.PUT, "PUT", {
      params: { projectId: s.t.project.id }, cookie: s.t.owner.cookie,
      body: { label: "production", requiredApprovals: 0, requirePassingRun: true, runGate: { dataset: "golden", evaluators: [{ type: "length", min: 1 }, { type: "embedding_similarity", embedder }], minPassRate: 0.8 } },
    });
    const refused = await policy("provider");
    expect(refused.status).toBe(400);
    expect(refused.json.error.message).toMatch(/^body\.runGate\.evaluators\.1\.embedder: this project has no embeddings provider configured/);
    const saved = await policy("offline");
    expect(saved.status, JSON.stringify(saved.json)).toBe(200);
    expect(saved.json.runGate.evaluators[1]).toEqual({ type: "embedding_similarity", embedder: "offline" });
  });
});
