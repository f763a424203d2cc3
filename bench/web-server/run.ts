/**
 * npm run bench:web-server — what serving Next through Pharos's own HTTP server
 * (scripts/web-server.ts, which stamps the client address) costs against `next start`, side by
 * side in one run: the same build, the same database, both processes up at once, loads
 * alternated A/B/A/B… so that drift of a shared machine falls on both. Two workloads over
 * keep-alive with 16 clients: GET /api/health (one database round trip: the per-request
 * overhead shows most) and POST /api/public/ingest with 10-span batches (the hot path).
 * On a shared machine one run's throughput swings by 2× from round to round, so the figure is
 * the median of the per-round ratios (each round runs both servers back to back), not a ratio
 * of medians. Prints the table and writes bench/web-server/results.json.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { freePort } from "../../scripts/lib/embedded-postgres";
import { hermeticEnv } from "../../tests/support/hermetic-env";
import { batchJsonBodies, makeSpans } from "../ingest/workload";
import { percentile, runClosedLoop } from "../ingest/load";
import { startBenchPharos } from "../lib/bench-server";
import { startBenchDatabase } from "../lib/database";
import { machineFacts, postgresVersion } from "../lib/results";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const HEALTH_REQUESTS = 2_000;
const INGEST_REQUESTS = 400;
const CONCURRENCY = 16;
const SECRET = "sk-bench-0123456789abcdef0123";
const NEXTAUTH_SECRET = "bench-web-server-secret-0123456789";
const ROOT = path.resolve(import.meta.dirname, "../..");

const db = await startBenchDatabase("web-server");
const pharos = await startBenchPharos({ databaseUrl: db.url, publicKey: "pk-bench-0123456789", secretKey: SECRET, env: { NEXTAUTH_SECRET } });
const nextStart = await startNextStart(db.url);
const servers = { "web-server.ts": pharos.baseUrl, "next start": nextStart.baseUrl };
type Name = keyof typeof servers;

try {
  const health = (base: string) => Array.from({ length: HEALTH_REQUESTS }, () => ({ url: `${base}/api/health`, init: {} }));
  const ingest = (base: string) =>
    batchJsonBodies(makeSpans(INGEST_REQUESTS * 10), 10).map((body) => ({
      url: `${base}/api/public/ingest`,
      init: { method: "POST", body, headers: { authorization: `Bearer ${SECRET}`, "content-type": "application/json" } },
    }));
  const workloads = { health, ingest };
  const results: Record<string, Record<Name, { rps: number[]; p50: number[]; errors: number }>> = {};
  for (const [workload, make] of Object.entries(workloads)) {
    results[workload] = { "web-server.ts": { rps: [], p50: [], errors: 0 }, "next start": { rps: [], p50: [], errors: 0 } };
    for (const name of Object.keys(servers) as Name[]) await runClosedLoop(make(servers[name]).slice(0, 200), CONCURRENCY); // warm-up
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate which goes first, so neither always runs right after the other's load.
      const order = (round % 2 ? ["next start", "web-server.ts"] : ["web-server.ts", "next start"]) as Name[];
      for (const name of order) {
        const requests = make(servers[name]);
        const run = await runClosedLoop(requests, CONCURRENCY);
        const r = results[workload]![name];
        r.rps.push((requests.length / run.ms) * 1000);
        r.p50.push(percentile(run.latencies, 50));
        r.errors += run.errors;
      }
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const rows = Object.entries(results).map(([workload, r]) => ({
    workload,
    webServerRps: +median(r["web-server.ts"].rps).toFixed(0),
    nextStartRps: +median(r["next start"].rps).toFixed(0),
    ratio: +median(r["web-server.ts"].rps.map((rps, i) => rps / r["next start"].rps[i]!)).toFixed(3),
    roundRatios: r["web-server.ts"].rps.map((rps, i) => +(rps / r["next start"].rps[i]!).toFixed(2)).join(" "),
    webServerP50Ms: median(r["web-server.ts"].p50),
    nextStartP50Ms: median(r["next start"].p50),
    errors: r["web-server.ts"].errors + r["next start"].errors,
    raw: r,
  }));
  console.table(rows.map(({ raw: _raw, ...row }) => row));
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const machine = machineFacts(await postgresVersion(client));
  await client.end();
  await mkdir(path.join(ROOT, "bench/web-server"), { recursive: true });
  const out = { benchmark: "web-server", date: new Date().toISOString(), label: process.env.BENCH_LABEL ?? null, machine, parameters: { rounds: ROUNDS, concurrency: CONCURRENCY, healthRequests: HEALTH_REQUESTS, ingestRequests: INGEST_REQUESTS, spansPerBatch: 10 }, results: rows };
  await writeFile(path.join(ROOT, "bench/web-server/results.json"), `${JSON.stringify(out, null, 2)}\n`);
} finally {
  await nextStart.stop();
  await pharos.stop();
  await db.close();
}

/** `next start` on the same build and database, as npm start ran it before scripts/web-server.ts. */
async function startNextStart(databaseUrl: string): Promise<{ baseUrl: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const env = hermeticEnv(process.env, { DATABASE_URL: databaseUrl, NEXTAUTH_SECRET, NEXTAUTH_URL: `http://localhost:${port}`, PHAROS_INGEST_RATE_LIMIT_PER_MINUTE: "1000000000", PHAROS_INGEST_QUEUE_ROWS: "200000", NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" });
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(port)], { cwd: ROOT, env, stdio: "ignore" });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (Date.now() > deadline) throw new Error("next start did not answer /api/health within 2 minutes");
    if (await fetch(`${baseUrl}/api/health`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
