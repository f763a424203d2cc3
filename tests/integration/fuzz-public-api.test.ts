// Property-based fuzzing of every public endpoint (PUBLIC_OPERATIONS, so a new route is fuzzed
// without editing this file): bodies and queries derived from each operation's own zod schemas,
// known-valid payloads mutated (fields dropped, duplicated, retyped; hostile strings, edge
// numbers, deep nesting), broken JSON and wrong content types, hostile path parameters and keys.
// Handlers run in process against the real Postgres with a real secret key. Properties: never a
// 5xx; every 4xx is { error: { code, message } }; a rejected request writes no row in any table
// of the project; the batch ingest's 400 events write nothing and its 201 events are stored.
// Budget: 1,200 cases in `npm test`, ×50 in `npm run test:fuzz`; failures print seed and path.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { flushGuardSpans } from "@/lib/guard/record-guard-span";
import { PUBLIC_OPERATIONS, type Operation } from "@/lib/openapi/public-operations";
import { createKey, createOrgAndProject } from "../factories";
import { type FakeLlm, startFakeLlm } from "../support/fake-llm";
import { fuzzParams, fuzzScale } from "../support/fuzz/budget";
import { hostileString, mutated, wire, type WireBody } from "../support/fuzz/mutate";
import { changedTables, projectRowCounts } from "../support/fuzz/project-rows";
import { anyJson, arbitraryFor } from "../support/fuzz/schema-arbitrary";
import { sampleTraceEvents } from "../support/ingest";

// Rate limits are their own tests (ingest-limits); here every request must reach validation.
process.env.PHAROS_INGEST_RATE_LIMIT_PER_MINUTE = "100000000";
process.env.PHAROS_FEEDBACK_RATE_LIMIT_PER_IP_PER_MINUTE = "100000000";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
const modules = import.meta.glob<Record<string, unknown>>("/app/api/public/**/route.ts");

/** The route module of an OpenAPI path: {x} is the folder [x] or the catch-all [...x]. */
function moduleFor(op: Operation) {
  const candidates = [op.path.replace(/\{(\w+)\}/g, "[$1]"), op.path.replace(/\{(\w+)\}/g, "[...$1]")];
  const file = candidates.map((c) => `/app${c}/route.ts`).find((f) => modules[f]);
  if (!file) throw new Error(`no route file for ${op.path}`);
  return { file, catchAll: file.includes("[..."), load: modules[file]! };
}

const CASES_IN_NPM_TEST = 1_200;
const opKey = (op: Operation) => `${op.method} ${op.path}`;

let llm: FakeLlm;
let projectId: string;
let secret: string;
let publicKey: string;
const known: Record<string, string> = {};

beforeAll(async () => {
  llm = await startFakeLlm({ models: ["gpt-4o-mini"] });
  const t = await createOrgAndProject("fuzz-public");
  const key = await createKey(t.project);
  projectId = t.project.id;
  secret = key.secretKey;
  publicKey = key.publicKey;
  // Things that exist, so mutated requests also reach the code behind "found".
  const trace = sampleTraceEvents();
  known.traceId = trace.traceId;
  const send = async (method: string, path: string, body: unknown, params: Record<string, string | string[]> = {}) => {
    const op = PUBLIC_OPERATIONS.find((o) => o.method === method && o.path === path)!;
    const handler = (await moduleFor(op).load())[method.toUpperCase()] as Handler;
    const res = await handler(new Request("http://localhost/x", { method: method.toUpperCase(), headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" }, body: JSON.stringify(body) }), { params: Promise.resolve(params) });
    return { status: res.status, json: await res.json() };
  };
  await send("post", "/api/public/ingest", { batch: trace.events });
  await send("post", "/api/public/prompts", SEEDS["post /api/public/prompts"]![0]);
  await send("post", "/api/public/datasets", { name: "golden" });
  await send("post", "/api/public/datasets/{name}/items", { items: [{ input: { question: "환불은?" }, expectedOutput: "5 days" }] }, { name: "golden" });
  await send("put", "/api/public/llm-connections/{name}", { baseUrl: llm.url, apiKey: "sk-fake", models: ["gpt-4o-mini"] }, { name: "fake" });
  const run = await send("post", "/api/public/runs", SEEDS["post /api/public/runs"]![0]);
  known.runId = run.json.id;
  await send("put", "/api/public/online-evaluations/{name}", { sampleRate: 50, evaluator: { type: "length", max: 400 } }, { name: "concise" });
}, 60_000);
afterAll(() => llm?.close());

/** Known-valid bodies per operation (mutated by the fuzzer); an operation without seeds is fuzzed from its schema alone. */
const SEEDS: Record<string, unknown[]> = {
  "post /api/public/ingest": [{ batch: sampleTraceEvents().events }, { batch: [{ id: "s1", type: "score", body: { id: "score-1", traceId: "t-1", name: "quality", value: 0.5 } }] }],
  "post /api/public/feedback": [{ traceId: "t-1", value: "up", comment: "좋아요" }, { traceId: "t-1", value: "down" }],
  "post /api/public/prompts": [{ name: "support/answer", type: "chat", template: [{ role: "user", content: "Answer: {{question}}" }], config: { model: "gpt-4o-mini" } }, { name: "greet", type: "text", template: "안녕 {{name}}" }],
  "post /api/public/datasets": [{ name: "golden-2", description: "d" }, { name: "rt", template: "red-team" }],
  "post /api/public/datasets/{name}/items": [{ items: [{ input: { question: "refunds?" }, expectedOutput: "5 days", metadata: { lang: "ko" } }] }],
  "put /api/public/llm-connections/{name}": [{ baseUrl: "http://127.0.0.1:9/v1", apiKey: "sk-fake", models: ["gpt-4o-mini"] }],
  "post /api/public/runs": [
    { dataset: "golden", prompt: { name: "support/answer", version: 1 }, connection: "fake", model: "gpt-4o-mini", evaluators: [{ type: "contains", value: "refunds" }] },
    { dataset: "golden", outputs: [{ itemId: "x", output: "y" }], evaluators: [{ type: "exact" }], minPassRate: 0.5 },
  ],
  "put /api/public/online-evaluations/{name}": [{ sampleRate: 50, evaluator: { type: "length", max: 400 } }, { enabled: false, sampleRate: 0, filter: { environment: "production" }, evaluator: { type: "contains", value: "x" } }],
  "post /api/public/rag-evaluations": [{ question: "환불은 얼마나 걸리나요?", answer: "5일 걸립니다. 쿠폰도 드립니다.", contexts: ["환불은 5일 이내에 처리됩니다.", { id: "kb-1", content: "Refunds take 5 days." }], evaluators: [{ type: "faithfulness" }] }],
  "put /api/public/counterfactual-terms": [{ pairs: [{ category: "gender", a: "he", b: "she" }, { category: "gender", a: "그", b: "그녀" }] }, { pairs: null }],
  "put /api/public/retention": [{ days: 30 }, { days: null }],
};

function bodyArb(op: Operation): fc.Arbitrary<WireBody | null> {
  if (op.rawBody) {
    // The OTLP route has its own fuzz file (fuzz-otlp); here it gets generic JSON and bytes.
    return fc.oneof(wire(mutated(anyJson)), fc.uint8Array({ maxLength: 300 }).map((b) => ({ text: b, contentType: "application/x-protobuf" })));
  }
  if (!op.body) return fc.oneof({ weight: 5, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: wire(anyJson) });
  const seeds = SEEDS[opKey(op)] ?? [];
  const fromSchema = arbitraryFor(op.body);
  const valid = seeds.length ? fc.oneof(fromSchema, fc.constantFrom(...seeds)) : fromSchema;
  return wire(fc.oneof({ weight: 2, arbitrary: valid }, { weight: 3, arbitrary: mutated(valid) }));
}

function queryArb(op: Operation): fc.Arbitrary<Record<string, string>> {
  const str = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v) ?? "");
  const hostile = fc.dictionary(fc.oneof(fc.constantFrom("from", "to", "limit", "cursor", "label", "version", "q", "filter", "sort"), hostileString), fc.oneof(hostileString, fc.constantFrom("-1", "0", "1e999", "9".repeat(40), "NaN", "true", "[]")), { maxKeys: 4 });
  if (!op.query) return fc.oneof({ weight: 4, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: hostile });
  const fromSchema = arbitraryFor(op.query).map((q) => Object.fromEntries(Object.entries((q ?? {}) as Record<string, unknown>).map(([k, v]) => [k, str(v)])));
  return fc.oneof({ weight: 3, arbitrary: fromSchema }, { weight: 2, arbitrary: mutated(fromSchema).map((q) => (typeof q === "object" && q && !Array.isArray(q) ? Object.fromEntries(Object.entries(q).map(([k, v]) => [k, str(v)])) : {})) }, { weight: 1, arbitrary: hostile });
}

function paramArb(name: string, catchAll: boolean): fc.Arbitrary<string | string[]> {
  const good = fc.constantFrom(...[known[name], "golden", "fake", "concise", "support/answer", "greet"].filter((v): v is string => !!v));
  const one = fc.oneof({ weight: 3, arbitrary: good }, { weight: 2, arbitrary: hostileString.filter((s) => s.length < 5_000) });
  return catchAll ? fc.array(one, { minLength: 1, maxLength: 4 }).map((parts) => parts.flatMap((p) => p.split("/"))) : one;
}

const authArb = (op: Operation) =>
  fc.oneof(
    { weight: 20, arbitrary: fc.constant(op.auth === "public" ? "public" : "secret") },
    { weight: 1, arbitrary: fc.constantFrom("secret", "public", "none", "Bearer sk-nope", "Basic !!!", "Bearer sk-\u00e9\u00ff", "Basic " + Buffer.from("pk-x:sk-\uD800").toString("base64")) },
  );

function authorization(kind: string): string | undefined {
  if (kind === "secret") return `Bearer ${secret}`;
  if (kind === "public") return `Bearer ${publicKey}`;
  if (kind === "none") return undefined;
  return kind;
}

/** The batch ingest's per-event rule: a 400 event wrote nothing, a 201 event is stored. */
async function checkBatch(batch: unknown, results: { status: number }[], existedBefore: Set<string>) {
  if (!Array.isArray(batch)) return;
  const touched = new Set<string>();
  const ids = (e: unknown) => {
    const b = (e as { body?: Record<string, unknown> })?.body;
    return { type: (e as { type?: unknown })?.type, id: typeof b?.id === "string" ? b.id.trim() : undefined, traceId: typeof b?.traceId === "string" ? b.traceId.trim() : undefined };
  };
  batch.forEach((e, i) => {
    if (results[i]?.status !== 201) return;
    const { id, traceId } = ids(e);
    if (id) touched.add(id);
    if (traceId) touched.add(traceId);
  });
  for (const [i, e] of batch.entries()) {
    const { type, id, traceId } = ids(e);
    if (!id) continue;
    const stored = await storedRow(type, id, traceId);
    if (results[i]?.status === 201) expect(stored, `batch[${i}] answered 201 but is not stored`).toBe(true);
    if (results[i]?.status === 400 && !touched.has(id) && !existedBefore.has(`${type}:${id}`)) expect(stored, `batch[${i}] answered 400 but wrote a row`).toBe(false);
  }
}

async function storedRow(type: unknown, rawId: string, rawTraceId: string | undefined): Promise<boolean> {
  // Ingest stores text well-formed (a lone surrogate becomes U+FFFD), and Prisma cannot send a lone
  // surrogate as a query parameter at all: look for the id as it would be stored.
  const id = rawId.toWellFormed();
  const traceId = rawTraceId?.toWellFormed();
  if (type === "trace") return (await db.trace.count({ where: { projectId, id } })) > 0;
  if (type === "score") return (await db.score.count({ where: { projectId, id } })) > 0;
  if (type === "span" || type === "generation" || type === "event") return (await db.span.count({ where: { projectId, id, ...(traceId ? { traceId } : {}) } })) > 0;
  return false;
}

async function existing(batch: unknown): Promise<Set<string>> {
  const out = new Set<string>();
  if (!Array.isArray(batch)) return out;
  for (const e of batch) {
    const b = (e as { body?: Record<string, unknown> })?.body;
    const type = (e as { type?: unknown })?.type;
    if (typeof b?.id !== "string") continue;
    const id = b.id.trim();
    if (await storedRow(type, id, typeof b.traceId === "string" ? b.traceId.trim() : undefined)) out.add(`${String(type)}:${id}`);
  }
  return out;
}

const operations = PUBLIC_OPERATIONS;

describe("fuzz: every public endpoint", () => {
  it("lists a route module for every operation", () => {
    for (const op of operations) expect(moduleFor(op).file).toMatch(/route\.ts$/);
  });

  for (const op of operations) {
    it(`${op.method.toUpperCase()} ${op.path}: no 5xx, errors shaped, no partial writes`, async () => {
      const mod = moduleFor(op);
      const handler = (await mod.load())[op.method.toUpperCase()] as Handler;
      const paramNames = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      const caseArb = fc.record({
        params: fc.record(Object.fromEntries(paramNames.map((n) => [n, paramArb(n, mod.catchAll)]))),
        query: queryArb(op),
        body: op.method === "get" || op.method === "options" ? fc.constant(null) : bodyArb(op),
        auth: authArb(op),
        ip: fc.ipV4(),
      });
      await fc.assert(
        fc.asyncProperty(caseArb, async (c) => {
          const url = new URL(`http://localhost:3000${op.path}`);
          for (const [k, v] of Object.entries(c.query)) url.searchParams.append(k, v);
          const headers = new Headers({ "x-pharos-client-ip": c.ip });
          const auth = authorization(c.auth);
          if (auth) headers.set("authorization", auth);
          if (c.body?.contentType) headers.set("content-type", c.body.contentType);
          const batch = op.path === "/api/public/ingest" && c.body && typeof c.body.text === "string" ? safeParse(c.body.text)?.batch : undefined;
          // A guard call answers before its span is written (lib/guard/record-guard-span.ts): write the
          // previous cases' spans before counting, and this case's before comparing, so a rejected
          // request is checked for its own writes, not for an earlier 200's late span.
          await flushGuardSpans();
          const before = await projectRowCounts(projectId);
          const existedBefore = await existing(batch);
          const res = await handler(new Request(url, { method: op.method.toUpperCase(), headers, body: c.body ? (c.body.text as BodyInit) : undefined }), { params: Promise.resolve(c.params) });
          const text = await res.text();
          expect(res.status, `5xx: ${text.slice(0, 500)}`).toBeLessThan(500);
          if (res.status >= 400) {
            await flushGuardSpans();
            const json = safeParse(text);
            expect(typeof json?.error?.code, `4xx without { error: { code } }: ${text.slice(0, 300)}`).toBe("string");
            expect(typeof json?.error?.message, `4xx without { error: { message } }: ${text.slice(0, 300)}`).toBe("string");
            expect(changedTables(before, await projectRowCounts(projectId)), `${res.status} ${text.slice(0, 300)} but rows changed`).toEqual([]);
          }
          if (res.status === 207) await checkBatch(batch, safeParse(text)?.results ?? [], existedBefore);
        }),
        fuzzParams(Math.ceil(CASES_IN_NPM_TEST / operations.length)),
      );
    }, 600_000 * fuzzScale());
  }
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function safeParse(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
