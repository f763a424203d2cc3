// The SDK's runs API over real HTTP on 127.0.0.1: a small server hands each request to the real
// public route handlers (as Next does), and the run executor works the run while the SDK polls.
import type http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as itemsRoute from "@/app/api/projects/[projectId]/datasets/[datasetId]/items/route";
import * as openapiRoute from "@/app/api/public/openapi.json/route";
import * as publicRunRoute from "@/app/api/public/runs/[runId]/route";
import * as publicRunsRoute from "@/app/api/public/runs/route";
import * as connectionRoute from "@/app/api/public/llm-connections/[name]/route";
import * as ragEvaluationsRoute from "@/app/api/public/rag-evaluations/route";
import { type FakeLlm, startFakeLlm } from "../support/fake-llm";
import { fakeRagJudge, RAG_TASK } from "../support/fake-rag-judge";
import { executeRun } from "@/lib/runs/execute-run";
import { Pharos, type PharosError } from "../../sdk/src/index";
import { createKey, createOrgAndProject } from "../factories";
import { type RouteHandler, type RouteTarget, routeServer } from "../support/route-server";
import { createDataset } from "../support/datasets";
import { call } from "../support/route";


/** Routes the few public paths this test needs to their handlers, with real Requests and Responses. */
function route(method: string, path: string): RouteTarget {
  if (method === "POST" && path === "/api/public/runs") return { handler: publicRunsRoute.POST as RouteHandler, params: {} };
  if (method === "POST" && path === "/api/public/rag-evaluations") return { handler: ragEvaluationsRoute.POST as RouteHandler, params: {} };
  const m = /^\/api\/public\/runs\/([^/]+)$/.exec(path);
  if (method === "GET" && m) return { handler: publicRunRoute.GET as RouteHandler, params: { runId: decodeURIComponent(m[1]!) } };
  if (method === "GET" && path === "/api/public/openapi.json") return { handler: openapiRoute.GET as unknown as RouteHandler, params: {} };
  return null;
}

let server: http.Server;
let baseUrl = "";
beforeAll(async () => {
  server = routeServer(route);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("pharos.runs (SDK) → the public runs API", () => {
  it("starts a supplied-outputs run, waits for it, and reads the verdict; a bad request throws naming the field", async () => {
    const t = await createOrgAndProject("sdk-runs");
    const key = await createKey(t.project);
    const dataset = await createDataset(t, "golden");
    const ids: string[] = [];
    for (const expectedOutput of ["4", "9", "16"]) {
      const res = await call(itemsRoute.POST, "POST", { params: { projectId: t.project.id, datasetId: dataset.id }, cookie: t.owner.cookie, body: { input: "square", expectedOutput } });
      ids.push(res.json.itemId);
    }
    const errors: PharosError[] = [];
    const pharos = new Pharos({ baseUrl, secretKey: key.secretKey, publicKey: key.publicKey, flushIntervalMs: 60_000, onError: (e) => errors.push(e) });

    const run = await pharos.runs.start({ dataset: "golden", outputs: [{ itemId: ids[0]!, output: "4" }, { itemId: ids[1]!, output: "9" }, { itemId: ids[2]!, output: "15" }], evaluators: [{ type: "exact_match" }], minPassRate: 0.6 });
    expect(run.passed).toBeNull();
    const waiting = run.wait({ intervalMs: 50, timeoutMs: 20_000 });
    await executeRun({ projectId: t.project.id, runId: run.id });
    const result = await waiting;
    expect(result).toMatchObject({ id: run.id, status: "succeeded", progress: { done: 3, total: 3 }, passed: true });
    expect(result.summary!.passRate).toBeCloseTo(2 / 3, 5);
    expect(run.passed).toBe(true);

    await expect(pharos.runs.start({ dataset: "nope", outputs: [], evaluators: [{ type: "exact_match" }] })).rejects.toMatchObject({ code: "http", status: 400, message: expect.stringMatching(/body\.dataset: dataset "nope" not found/) });
    await expect(pharos.runs.get("missing-run").wait({ intervalMs: 10, timeoutMs: 100 })).rejects.toMatchObject({ code: "not_found", status: 404 });
    await pharos.shutdown();
    expect(errors).toEqual([]);

    // The document is served without a key.
    const doc = await fetch(`${baseUrl}/api/public/openapi.json`);
    expect(doc.status).toBe(200);
    expect(((await doc.json()) as { paths: Record<string, unknown> }).paths["/api/public/runs/{runId}"]).toBeDefined();
  });
});

describe("pharos.rag (SDK) → the public RAG evaluations API", () => {
  let llm: FakeLlm;
  beforeAll(async () => {
    llm = await startFakeLlm({ models: ["gpt-4o-mini"] });
  });
  afterAll(() => llm.close());

  it("evaluates a { question, contexts, answer } triple and throws naming the field on a bad one", async () => {
    const t = await createOrgAndProject("sdk-rag");
    const key = await createKey(t.project);
    expect((await call(connectionRoute.PUT, "PUT", { authorization: `Bearer ${key.secretKey}`, params: { name: "judge" }, body: { baseUrl: llm.url, apiKey: "sk-sdk-rag-0000", models: ["gpt-4o-mini"] } })).status).toBe(201);
    llm.script({ when: { contains: RAG_TASK }, reply: fakeRagJudge() });
    const pharos = new Pharos({ baseUrl, secretKey: key.secretKey, flushIntervalMs: 60_000 });
    const result = await pharos.rag.evaluate({
      question: "환불은 얼마나 걸리나요?",
      contexts: [{ id: "kb-1", content: "환불은 5일 이내에 처리됩니다." }],
      answer: "환불은 5일 이내에 처리됩니다. 쿠폰도 드립니다.",
      evaluators: [{ type: "faithfulness", threshold: 0.9 }],
    });
    expect(result).toMatchObject({ connection: "judge", passed: false, results: { faithfulness: { score: 0.5, status: "failed", details: { unsupportedSentences: [2] } } } });
    await expect(pharos.rag.evaluate({ question: "", contexts: [], answer: "a" })).rejects.toMatchObject({ code: "http", status: 400, message: expect.stringMatching(/question/) });
    await pharos.shutdown();
  });
});
