/**
 * npm run bench:runs — regression-run throughput. A golden set of 2,000 support questions
 * (Korean and English, 250–700 characters, as customers write them) runs through a chat prompt
 * against the fake OpenAI-compatible provider answering every call after a fixed 50 ms with a
 * ~600-character answer, scored by two deterministic evaluators. Each item is a real run item:
 * claimed with its lease, called through the LLM client, stored as a trace through ingest,
 * scored, completed with the run's counters — as `npm start`'s worker does it.
 *
 * For concurrency 8, 32 and 64, side by side in one run: items/s against the ideal
 * (concurrency ÷ latency), the worker's overhead per item (slot time per item − the provider's
 * latency), and the web app's p95 on a trivial authenticated endpoint while the run executes
 * against the same endpoint idle just before. Writes bench/runs/results.json.
 */
import pg from "pg";
import { type FakeChatRequest, startFakeLlm } from "../../tests/support/fake-llm";
import { percentile } from "../ingest/load";
import { startBenchPharos } from "../lib/bench-server";
import { startBenchDatabase } from "../lib/database";
import { machineFacts, postgresVersion, type RunsBenchResults, type RunsBenchRun, runLabel, writeResults } from "../lib/results";

const ITEMS = Number(process.env.BENCH_ITEMS ?? 2_000);
const LATENCY_MS = 50;
const CONCURRENCIES = [8, 32, 64];
const WEB_CLIENTS = 4;
const IDLE_SECONDS = 5;
const SECRET = "sk-bench-runs-0123456789abcdef";
const MODEL = "gpt-4o-mini";

const QUESTIONS_EN = [
  "I ordered a pair of running shoes last Tuesday (order 48213) and the tracking page has said 'label created' for five days now. I need them before a race on the 14th. Can you tell me whether the parcel has actually left the warehouse, and if it has not, whether I can switch to express shipping or cancel and get a refund to my card?",
  "My annual subscription renewed yesterday even though I turned off auto-renew in October. I have a screenshot of the settings page. Please refund the renewal and confirm that the plan will end on the original date.",
  "The discount code WELCOME10 was rejected at checkout with 'not applicable to items in your cart', but the banner says it works sitewide. Which items are excluded and can you apply it to my order manually?",
];
const QUESTIONS_KO = [
  "지난주 화요일에 주문한 러닝화(주문번호 48213)가 닷새째 '송장 출력' 상태에서 바뀌지 않습니다. 14일에 마라톤이 있어서 그 전에 꼭 받아야 하는데, 물건이 실제로 창고에서 출발했는지 확인해 주시고, 아직이라면 빠른 배송으로 바꾸거나 주문을 취소하고 카드로 환불받을 수 있는지 알려 주세요.",
  "10월에 자동 갱신을 꺼 두었는데 어제 연간 구독이 갱신되어 결제되었습니다. 설정 화면 캡처도 있습니다. 갱신 결제를 환불해 주시고 원래 만료일에 구독이 끝나는지 확인 부탁드립니다.",
  "결제할 때 WELCOME10 할인 코드를 넣었더니 '장바구니 상품에 적용할 수 없음'이라고 나옵니다. 배너에는 전 상품 적용이라고 되어 있는데 어떤 상품이 제외되는지, 제 주문에 직접 적용해 주실 수 있는지 궁금합니다.",
];
const ANSWER_EN = "Thanks for reaching out, and sorry for the wait. I checked the order: the parcel left our warehouse this morning and the carrier scan should appear within 24 hours. If it has not moved by Thursday, reply here and I will upgrade it to express at no cost or cancel it and refund the full amount to your card within five business days. ".repeat(2);
const ANSWER_KO = "문의 주셔서 감사합니다. 기다리시게 해서 죄송합니다. 주문을 확인해 보니 오늘 오전에 창고에서 출고되었고, 24시간 안에 택배사 조회에 반영될 예정입니다. 목요일까지 움직임이 없으면 이 메일로 답장 주세요. 무료로 빠른 배송으로 변경하거나 주문을 취소하고 영업일 기준 5일 이내에 카드로 전액 환불해 드리겠습니다. ".repeat(2);

const db = await startBenchDatabase("runs");
const llm = await startFakeLlm({ models: [MODEL], delayMs: LATENCY_MS });
llm.script({ reply: (r: FakeChatRequest) => ({ content: /[가-힣]/.test(JSON.stringify(r.messages ?? [])) ? ANSWER_KO : ANSWER_EN, usage: { prompt_tokens: 180, completion_tokens: 140 } }) });
const server = await startBenchPharos({ databaseUrl: db.url, publicKey: "pk-bench-runs-0123456789", secretKey: SECRET, env: { PHAROS_OUTBOUND_ALLOWED_HOSTS: "127.0.0.1" } });
const headers = { authorization: `Bearer ${SECRET}`, "content-type": "application/json" };

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${server.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

/** A trivial authenticated endpoint hit by WEB_CLIENTS closed-loop clients until stopped: the web app's latency. */
function startWebLoad() {
  let running = true;
  const latencies: number[] = [];
  let errors = 0;
  const clients = Array.from({ length: WEB_CLIENTS }, async () => {
    while (running) {
      const started = performance.now();
      try {
        const res = await fetch(`${server.baseUrl}/api/public/projects`, { headers });
        await res.arrayBuffer();
        if (res.status !== 200) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - started);
    }
  });
  return {
    async stop() {
      running = false;
      await Promise.all(clients);
      return { requests: latencies.length, p50Ms: percentile(latencies, 50), p95Ms: percentile(latencies, 95), errors };
    },
  };
}

async function seed() {
  await api("PUT", "/api/public/llm-connections/bench", { baseUrl: llm.url, apiKey: "sk-fake-bench", models: [MODEL] });
  await api("POST", "/api/public/prompts", {
    name: "support/answer", type: "chat",
    template: [{ role: "system", content: "You are the support agent of an online store. Answer in the customer's language, concretely, in under 120 words." }, { role: "user", content: "{{question}}" }],
    config: { model: MODEL, temperature: 0.2 },
  });
  await api("POST", "/api/public/datasets", { name: "support questions" });
  const items = Array.from({ length: ITEMS }, (_, i) => {
    const korean = i % 2 === 1;
    const pool = korean ? QUESTIONS_KO : QUESTIONS_EN;
    return { input: { question: `${pool[i % pool.length]} (#${i})` }, expectedOutput: korean ? "환불" : "refund", metadata: { language: korean ? "ko" : "en" } };
  });
  for (let i = 0; i < items.length; i += 1_000) await api("POST", "/api/public/datasets/support%20questions/items", { items: items.slice(i, i + 1_000) });
}

type RunTimes = { created: Date; started: Date; finished: Date; done: number; failed: number; passed: number };

async function runOnce(client: pg.Client, concurrency: number) {
  const web = startWebLoad();
  const { id } = await api<{ id: string }>("POST", "/api/public/runs", {
    dataset: "support questions", prompt: { name: "support/answer", version: 1 }, connection: "bench", model: MODEL, concurrency,
    evaluators: [{ type: "contains", values: ["refund", "환불"], threshold: 0.5 }, { type: "length", min: 50, max: 2_000 }], minPassRate: 0,
  });
  const callsBefore = llm.chatRequests().length;
  for (;;) {
    const run = await api<{ status: string }>("GET", `/api/public/runs/${id}`);
    if (["succeeded", "failed", "cancelled"].includes(run.status)) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const webStats = await web.stop();
  const row = (await client.query(`select created_at, started_at, finished_at, done, failed, passed_items from runs where id = $1`, [id])).rows[0];
  const t: RunTimes = { created: row.created_at, started: row.started_at, finished: row.finished_at, done: row.done, failed: row.failed, passed: row.passed_items };
  const items = await client.query(`select min(started_at) as first, max(finished_at) as last, count(*)::int as n, count(distinct trace_id)::int as traces from run_items where run_id = $1`, [id]);
  const i = items.rows[0];
  // Where an item's time goes: claim to completion (median), and of it the provider call as the client measured it.
  const phases = (await client.query(`select percentile_cont(0.5) within group (order by extract(epoch from finished_at - started_at) * 1000) as item_ms,
      percentile_cont(0.5) within group (order by latency_ms) as call_ms from run_items where run_id = $1`, [id])).rows[0];
  // Items/s over the executor's own span (first claim to last completion); end to end adds the queue pickup and finishing.
  const executorSeconds = (i.last.getTime() - i.first.getTime()) / 1000;
  const endToEndSeconds = (t.finished.getTime() - t.created.getTime()) / 1000;
  const itemsPerSec = ITEMS / executorSeconds;
  const ideal = concurrency / (LATENCY_MS / 1000);
  return {
    concurrency,
    items: ITEMS, done: t.done, failed: t.failed, traces: i.traces as number, providerCalls: llm.chatRequests().length - callsBefore,
    executorSeconds: +executorSeconds.toFixed(2), endToEndSeconds: +endToEndSeconds.toFixed(2),
    itemsPerSec: +itemsPerSec.toFixed(1), idealItemsPerSec: ideal, ratioToIdeal: +(itemsPerSec / ideal).toFixed(2),
    /** Each slot spends executorSeconds × concurrency / items per item; minus the provider's latency is ours. */
    overheadMsPerItem: +((executorSeconds * 1000 * concurrency) / ITEMS - LATENCY_MS).toFixed(1),
    medianItemMs: +Number(phases.item_ms).toFixed(1), medianCallMs: +Number(phases.call_ms).toFixed(1),
    web: webStats,
  };
}

try {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const postgres = await postgresVersion(client);
  console.log(`[bench] seeding ${ITEMS} items`);
  await seed();
  console.log(`[bench] idle web baseline: ${WEB_CLIENTS} clients for ${IDLE_SECONDS} s`);
  const idleWeb = startWebLoad();
  await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
  const idle = await idleWeb.stop();
  const runs: RunsBenchRun[] = [];
  for (const c of CONCURRENCIES) {
    console.log(`[bench] run at concurrency ${c}`);
    runs.push(await runOnce(client, c));
  }
  await client.end();
  const at = (c: number) => runs.find((r) => r.concurrency === c)!;
  const results: RunsBenchResults = {
    benchmark: "runs", format: 1, date: new Date().toISOString(), ...runLabel(),
    machine: machineFacts(postgres),
    parameters: { items: ITEMS, latencyMs: LATENCY_MS, concurrencies: CONCURRENCIES, webClients: WEB_CLIENTS, idleSeconds: IDLE_SECONDS, evaluators: ["contains", "length"] },
    measurements: { idleWeb: idle, runs },
    ratios: {
      ratioToIdealAt32: at(32).ratioToIdeal,
      webP95DuringRunAt32VsIdle: +(at(32).web.p95Ms / idle.p95Ms).toFixed(2),
    },
  };
  console.table(Object.fromEntries(runs.map((r) => [`concurrency ${r.concurrency}`, {
    "items/s": r.itemsPerSec, ideal: r.idealItemsPerSec, ratio: r.ratioToIdeal, "overhead ms/item": r.overheadMsPerItem, "item ms (median)": r.medianItemMs, "call ms (median)": r.medianCallMs, "end-to-end s": r.endToEndSeconds,
    failed: r.failed, traces: r.traces, "provider calls": r.providerCalls, "web p95 ms": r.web.p95Ms,
  }])));
  console.log(`[bench] web p95 idle ${idle.p95Ms} ms; at 32: ${results.ratios.webP95DuringRunAt32VsIdle}× idle`);
  const file = await writeResults(import.meta.dirname, results, ITEMS === 2_000 ? null : `${ITEMS}`);
  console.log(`[bench] wrote ${file}; npm run bench:report renders it into docs/benchmarks.md`);
} finally {
  await server.stop();
  await llm.close();
  await db.close();
}
