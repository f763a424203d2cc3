/**
 * npm run bench:annotate — an annotation queue of 100,000 preference pairs (Korean and English
 * support questions with two ~400-character answers each, k = 1) and annotators working it over
 * HTTP as the annotator page does: submit a judgment, then lease the next pair. Side by side in
 * one run: one annotator alone (the baseline), then 20 at once. Reports the p95 of one cycle
 * (submit + next) for each, and checks afterwards that every accepted judgment is stored once and
 * no pair was judged more often than k. Writes bench/annotate/results.json.
 */
import pg from "pg";
import { hashPassword } from "../../lib/auth/password";
import { signInOverHttp } from "../../tests/support/http-session";
import { percentile } from "../ingest/load";
import { startBenchPharos } from "../lib/bench-server";
import { startBenchDatabase } from "../lib/database";
import { type AnnotateResults, machineFacts, postgresVersion, runLabel, writeResults } from "../lib/results";

const PAIRS = Number(process.env.BENCH_PAIRS ?? 100_000);
const ANNOTATORS = 20;
const BASELINE_CYCLES = 150;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
/** Between judgments an annotator reads a prompt and two answers: 1–3 s here, quicker than people are. Without it, 20 clients in a closed loop measure only saturation. */
const THINK_MS: [number, number] = [1_000, 3_000];
const SECRET = "sk-bench-annotate-0123456789abcdef";
const PASSWORD = "bench-annotator-password";

const db = await startBenchDatabase("annotate");
const server = await startBenchPharos({ databaseUrl: db.url, publicKey: "pk-bench-annotate-0123456789", secretKey: SECRET });

type Pair = { id: string } | null;
type Annotator = { email: string; cookie: string };

async function post<T>(a: Annotator, path: string, body: unknown): Promise<{ status: number; json: T }> {
  const res = await fetch(`${server.baseUrl}${path}`, { method: "POST", headers: { cookie: a.cookie, "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as T };
}

try {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const postgres = await postgresVersion(client);
  const { project_id: projectId, org_id: orgId } = (await client.query(`select id as project_id, org_id from projects limit 1`)).rows[0];

  console.log(`[bench] ${ANNOTATORS} annotators and a queue of ${PAIRS} pairs`);
  const hash = await hashPassword(PASSWORD);
  const emails = Array.from({ length: ANNOTATORS + 1 }, (_, i) => `annotator-${i}@bench.test`);
  for (const email of emails) {
    const id = `bench-annotator-${email.split("@")[0]}`;
    await client.query(`insert into users (id, email, name, password_hash, email_verified_at) values ($1, $2, $2, $3, now())`, [id, email, hash]);
    await client.query(`insert into memberships (org_id, user_id, role) values ($1, $2, 'annotator')`, [orgId, id]);
  }
  const owner = { email: "bench@example.test", cookie: (await signInOverHttp(server.baseUrl, "bench@example.test", "bench-password"))! };
  const queue = await post<{ id: string }>(owner, `/api/projects/${projectId}/annotation-queues`, { name: "bench queue", judgmentsPerPair: 1, annotators: emails });
  if (queue.status !== 201) throw new Error(`create queue → ${queue.status} ${JSON.stringify(queue.json)}`);
  const queueId = queue.json.id;
  await client.query(
    `insert into preference_pairs (project_id, id, queue_id, prompt, response_a, response_b, source)
     select $1, 'bench-pair-' || g, $2,
       jsonb_build_array(jsonb_build_object('role', 'user', 'content', case when g % 2 = 0
         then '지난주에 주문한 러닝화가 아직 배송 준비 중입니다. 14일 전에 받을 수 있을까요? 주문번호 ' || g
         else 'My order ' || g || ' has said "label created" for five days. Can you check whether it has shipped, or switch it to express?' end)),
       repeat(case when g % 2 = 0 then '확인해 보니 오늘 오전에 출고되었습니다. 내일까지 조회가 되지 않으면 답장 주세요. ' else 'It left the warehouse this morning; the carrier scan appears within a day. ' end, 5),
       repeat(case when g % 2 = 0 then '배송이 지연되고 있어 죄송합니다. 빠른 배송으로 무료 변경해 드렸습니다. ' else 'Sorry for the delay: I have upgraded it to express at no cost. ' end, 5),
       'api'
     from generate_series(1, $3::int) g`,
    [projectId, queueId, PAIRS],
  );
  // As autovacuum leaves a table that has sat a while: the visibility map set, statistics current.
  await client.query("vacuum analyze preference_pairs");

  const annotators: Annotator[] = [];
  for (const email of emails) annotators.push({ email, cookie: (await signInOverHttp(server.baseUrl, email, PASSWORD))! });
  if (annotators.some((a) => !a.cookie)) throw new Error("an annotator could not sign in");
  const base = `/api/projects/${projectId}/annotation-queues/${queueId}`;

  let accepted = 0;
  let errors = 0;
  /** One annotator's loop: holds a leased pair, then repeatedly submits it and leases the next; each cycle timed. */
  async function work(a: Annotator, until: (cycles: number) => boolean, samples: number[], think = false) {
    let pair = (await post<{ pair: Pair }>(a, `${base}/next`, { exclude: [] })).json.pair;
    let cycles = 0;
    while (pair && !until(cycles)) {
      const started = performance.now();
      const judged = await post(a, `${base}/judgments`, { pairId: pair.id, pick: cycles % 3 === 0 ? "left" : cycles % 3 === 1 ? "right" : "tie", durationMs: 4_000 });
      if (judged.status === 201) accepted++;
      else errors++;
      const next = await post<{ pair: Pair }>(a, `${base}/next`, { exclude: [] });
      if (next.status !== 200) errors++;
      samples.push(performance.now() - started);
      pair = next.json.pair;
      cycles++;
      if (think) await new Promise((r) => setTimeout(r, THINK_MS[0] + Math.random() * (THINK_MS[1] - THINK_MS[0])));
    }
  }
  const stats = (samples: number[], seconds: number) => ({ cycles: samples.length, p50Ms: percentile(samples, 50), p95Ms: percentile(samples, 95), cyclesPerSec: +(samples.length / seconds).toFixed(1) });

  console.log(`[bench] single annotator: ${BASELINE_CYCLES} cycles`);
  const single: number[] = [];
  let t0 = performance.now();
  await work(annotators[ANNOTATORS]!, (n) => n >= BASELINE_CYCLES, single);
  const singleStats = stats(single.slice(10), (performance.now() - t0) / 1000);

  console.log(`[bench] ${ANNOTATORS} annotators for ${SECONDS} s`);
  const many: number[] = [];
  t0 = performance.now();
  const end = t0 + SECONDS * 1000;
  await Promise.all(annotators.slice(0, ANNOTATORS).map((a) => work(a, () => performance.now() >= end, many, true)));
  const manyStats = stats(many, (performance.now() - t0) / 1000);

  const check = (await client.query(`select
      (select count(*)::int from judgments where queue_id = $1) as stored,
      (select count(*)::int from (select pair_id from judgments where queue_id = $1 group by pair_id having count(*) > 1) d) as over_k,
      (select count(*)::int from (select pair_id, annotator_id from judgments where queue_id = $1 group by 1, 2 having count(*) > 1) d) as doubled,
      (select count(*)::int from preference_pairs where queue_id = $1 and judgment_count <> (select count(*) from judgments j where j.project_id = preference_pairs.project_id and j.pair_id = preference_pairs.id)) as miscounted`, [queueId])).rows[0];
  await client.end();

  const results: AnnotateResults = {
    benchmark: "annotate", format: 1, date: new Date().toISOString(), ...runLabel(),
    machine: machineFacts(postgres),
    parameters: { pairs: PAIRS, annotators: ANNOTATORS, judgmentsPerPair: 1, baselineCycles: BASELINE_CYCLES, seconds: SECONDS, thinkMs: THINK_MS },
    measurements: { single: singleStats, concurrent: manyStats, accepted, errors, stored: check.stored, overK: check.over_k, doubled: check.doubled, miscounted: check.miscounted },
    ratios: { p95ConcurrentVsSingle: +(manyStats.p95Ms / singleStats.p95Ms).toFixed(2) },
  };
  console.table({ "1 annotator": singleStats, [`${ANNOTATORS} annotators`]: manyStats });
  console.log(`[bench] accepted ${accepted}, stored ${check.stored}, errors ${errors}, pairs over k ${check.over_k}, doubled ${check.doubled}, miscounted ${check.miscounted}; p95 ratio ${results.ratios.p95ConcurrentVsSingle}`);
  const file = await writeResults(import.meta.dirname, results, PAIRS === 100_000 ? null : `${PAIRS}`);
  console.log(`[bench] wrote ${file}; npm run bench:report renders it into docs/benchmarks.md`);
} finally {
  await server.stop();
  await db.close();
}
