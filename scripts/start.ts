/**
 * `npm start`: one command for a working Pharos.
 * 1. Postgres: DATABASE_URL if set, else an embedded Postgres 17 under $PHAROS_DATA_DIR/pg.
 * 2. `prisma migrate deploy`.
 * 3. First run: headless init (PHAROS_INIT_*) or a demo org/project/user; prints the sign-in.
 * 4. `next build` when no build of the current sources exists, then the web server
 *    (scripts/web-server.ts: Next's handler, client addresses from the socket) and the
 *    background worker (scripts/worker.ts).
 * PHAROS_ROLE=web|worker runs only that half and skips step 3 (replicas beside one `all`
 * process, docs/scaling.md).
 * Ctrl-C / SIGTERM stops the web server, then Postgres.
 */
import exitHook from "async-exit-hook";
import { type ChildProcess, spawn } from "node:child_process";
import os from "node:os";
import { chmod, mkdir } from "node:fs/promises";
import path from "node:path";
import { type DemoCredentials, readDemoCredentials, writeDemoCredentials } from "../lib/bootstrap/demo-credentials";
import { env, type ServerEnv } from "../lib/env";
import { ensureBuild } from "./lib/build";
import { startEmbeddedPostgres } from "./lib/embedded-postgres";
import { migrateDeploy } from "./lib/migrate";
import { dataDir } from "./lib/paths";
import { loadOrCreateSecrets } from "./lib/secrets";

const log = (line: string) => console.log(line);
const dir = dataDir();
let settings: ServerEnv;
try {
  settings = env();
} catch (error) {
  console.error(`[pharos] ${(error as Error).message}`);
  process.exit(1);
}
const port = settings.PORT;
const role = settings.PHAROS_ROLE;
const runsWeb = role !== "worker";
const runsWorker = role !== "web";
// As root, Postgres runs as a `postgres` user that must be able to traverse into the dir.
await mkdir(dir, { recursive: true });
await chmod(dir, process.getuid?.() === 0 ? 0o711 : 0o700);

const children: ChildProcess[] = [];
let stopPostgres: (() => Promise<void>) | null = null;
let stopping = false;
async function stopAll() {
  stopping = true;
  await Promise.all(children.map((c) => stopChild(c)));
  await stopPostgres?.().catch(() => undefined);
  stopPostgres = null;
}
// Ctrl-C / SIGTERM: stop the web server, then Postgres; exits 128 + signal.
exitHook(async (done: () => void) => {
  await stopAll();
  done();
});
async function fail(message: string): Promise<never> {
  console.error(`[pharos] ${message}`);
  await stopAll();
  process.exit(1);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

try {
  let databaseUrl = settings.DATABASE_URL;
  // A replica shares the database and the secrets of the others; its own embedded Postgres or
  // generated secret would make it a separate install, or sign sessions the others reject.
  if (role !== "all" && !databaseUrl) await fail(`PHAROS_ROLE=${role} needs DATABASE_URL: replicas share one Postgres`);
  if (role !== "all" && !settings.NEXTAUTH_SECRET) await fail(`PHAROS_ROLE=${role} needs NEXTAUTH_SECRET, the same as every other process's`);
  if (databaseUrl) {
    log("[pharos] using the Postgres in DATABASE_URL");
  } else {
    // Supervised: if the postmaster dies, it is started again and the line says so; the web
    // server and the worker answer 503 / retry meanwhile and reconnect by themselves.
    const pg = await startEmbeddedPostgres({ dir: path.join(dir, "pg"), database: "pharos", supervise: { notify: log } });
    stopPostgres = pg.stop;
    databaseUrl = pg.url;
    log(`[pharos] embedded Postgres running (data in ${path.join(dir, "pg")})`);
  }
  await migrateDeploy(databaseUrl);

  const secrets = await loadOrCreateSecrets(dir);
  process.env.DATABASE_URL = databaseUrl;
  process.env.NEXTAUTH_SECRET ??= secrets.nextauthSecret;
  process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;

  // Only the `all` process seeds: two replicas starting together must not both create a demo.
  if (role === "all") await initialize();
  else log(`[pharos] role ${role}: no initialization (the \`all\` process does it)`);
  if (runsWeb) await ensureBuild(log);
  if (runsWeb) startWeb();
  if (runsWorker) startWorker();
  if (runsWeb) await waitForHealth(`http://127.0.0.1:${port}/api/health`);
  log(runsWeb ? `[pharos] ready: http://localhost:${port}${role === "web" ? " (web only, no worker)" : ""}` : "[pharos] ready: worker only");
} catch (error) {
  await fail(`start failed: ${(error as Error).message}`);
}

function startWeb() {
  // Next behind Pharos's own HTTP server (scripts/web-server.ts), which stamps the client's
  // address from the socket and PHAROS_TRUSTED_PROXIES. Without --conditions=react-server: that
  // condition is for the worker's and this launcher's imports of app code, not for Next itself;
  // and without a process-wide tsx (web-server.mjs loads the .ts and removes the loader).
  const web = spawn(process.execPath, [path.join(import.meta.dirname, "web-server.mjs")], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, PORT: String(port), NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  children.push(web);
  web.on("exit", (code, signal) => {
    if (stopping || code === 0) return;
    void fail(`web server exited (${signal ?? code}); stopping`);
  });
}

function startWorker() {
  const worker = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", path.join(import.meta.dirname, "worker.ts")], {
    stdio: ["ignore", "inherit", "inherit"],
    env: process.env,
  });
  children.push(worker);
  // Background work yields the CPU to the web server (ingest) when they compete; see PHAROS_WORKER_NICE.
  if (settings.PHAROS_WORKER_NICE > 0 && worker.pid !== undefined) {
    try {
      os.setPriority(worker.pid, settings.PHAROS_WORKER_NICE);
    } catch (error) {
      log(`[pharos] could not lower the worker's priority: ${(error as Error).message}`);
    }
  }
  worker.on("exit", (code, signal) => {
    // Ctrl-C reaches the whole process group: a clean exit then is not a failure.
    if (stopping || code === 0) return;
    void fail(`worker exited (${signal ?? code}); stopping`);
  });
}

async function initialize() {
  // Imported after DATABASE_URL is set: these modules use the app's Prisma client.
  const { headlessInitFromEnv, runHeadlessInit } = await import("../lib/bootstrap/headless-init");
  const { ensureDemo } = await import("../lib/bootstrap/ensure-demo");
  const credentialsFile = path.join(dir, "credentials");
  const init = headlessInitFromEnv();
  if (init) {
    const result = await runHeadlessInit(init);
    log(result.created.length ? `[pharos] headless initialization created: ${result.created.join(", ")}` : "[pharos] headless initialization: already done");
    return;
  }
  const created = await ensureDemo();
  if (created) {
    // Saved before seeding: a start that dies midway keeps the password and resumes next time.
    const demo: DemoCredentials = { ...created, seedFrom: new Date(), seeded: false };
    await writeDemoCredentials(credentialsFile, demo);
    const seeded = await seedDemo(credentialsFile, demo);
    log("");
    // The password is not printed: console output ends up in CI logs and log collectors. The file is 0600.
    log(`  Demo project created with ${seeded.traces} sample traces from the last 7 days. Sign in as ${demo.email}`);
    log(`  with the password in ${credentialsFile} (with the demo project's API keys; readable only by you)`);
    log("  Demo annotators ana@pharos.local, ben@pharos.local and cho@pharos.local use the same password.");
    log("");
    return;
  }
  const saved = await readDemoCredentials(credentialsFile);
  if (saved && !saved.seeded && (await demoProjectExists(saved.projectId))) {
    log("[pharos] the demo's sample traces were not all written on the first start; writing the rest");
    const seeded = await seedDemo(credentialsFile, saved);
    log(`[pharos] demo project complete with ${seeded.traces} sample traces`);
  }
  log(`[pharos] sign in with your account (the demo sign-in, if any, is in ${credentialsFile})`);
}

async function seedDemo(credentialsFile: string, demo: DemoCredentials) {
  const { seedDemoTraces } = await import("../lib/bootstrap/seed-demo-traces");
  const { seedDemoPrompts } = await import("../lib/bootstrap/seed-demo-prompts");
  const { closeSqlPool } = await import("../lib/db-sql-pool");
  const seeded = await seedDemoTraces({ projectId: demo.projectId, now: demo.seedFrom });
  // Versions, labels, a pending change request, a rollback and a canary with traffic (idempotent).
  await seedDemoPrompts({ projectId: demo.projectId, now: demo.seedFrom });
  // A golden set with two finished runs (v2, v3) to compare; scoring only, no network (idempotent).
  const { seedDemoRuns } = await import("../lib/bootstrap/seed-demo-runs");
  const { runIds } = await seedDemoRuns({ projectId: demo.projectId });
  // A preference queue over those runs with three demo annotators' judgments (idempotent).
  const { seedDemoAnnotation, seedDemoRatings } = await import("../lib/bootstrap/seed-demo-annotation");
  await seedDemoAnnotation({ projectId: demo.projectId, runIds });
  await seedDemoRatings({ projectId: demo.projectId });
  // An online evaluation rule and its eval scores on a quarter of the production traces (deterministic, idempotent).
  const { seedDemoOnlineEvals } = await import("../lib/bootstrap/seed-demo-online-evals");
  await seedDemoOnlineEvals({ projectId: demo.projectId, from: new Date(demo.seedFrom.getTime() - 8 * 86_400_000) });
  // RAG traces with retrieved documents, the online RAG rules' faithfulness and relevancy scores and their inbox items (idempotent).
  const { seedDemoRag } = await import("../lib/bootstrap/seed-demo-rag");
  await seedDemoRag({ projectId: demo.projectId, now: demo.seedFrom });
  // The RAG bot's prompt (support-rag, production → v2), a golden set promoted from its traces with their
  // documents as contexts, and a faithfulness gate (≥ 0.9, drop ≤ 0.03) stored on production's policy (idempotent).
  const { seedDemoRagRelease } = await import("../lib/bootstrap/seed-demo-rag-release");
  await seedDemoRagRelease({ projectId: demo.projectId });
  // The shipped red-team set and a finished run over it that catches two leaks (idempotent).
  const { seedDemoRedTeam } = await import("../lib/bootstrap/seed-demo-red-team");
  await seedDemoRedTeam({ projectId: demo.projectId });
  // A 90-day retention (the demo's traces are a week old at most), shown in Settings → General (idempotent).
  const { seedDemoRetention } = await import("../lib/bootstrap/seed-demo-retention");
  await seedDemoRetention({ projectId: demo.projectId });
  // Two alert rules (p95 latency in production, the day's thumbs-down rate), muted with a placeholder webhook,
  // and their firing and recovery over the seeded week, replayed hour by hour through the worker's evaluation (idempotent).
  const { seedDemoAlerts } = await import("../lib/bootstrap/seed-demo-alerts");
  await seedDemoAlerts({ projectId: demo.projectId, now: demo.seedFrom });
  // Guard policies (the project's default and a stricter one) and a week of guard calls for the overview's rates (idempotent).
  const { seedDemoGuard } = await import("../lib/bootstrap/seed-demo-guard");
  await seedDemoGuard({ projectId: demo.projectId, now: demo.seedFrom });
  // The guard read the registered prompt through the prompt fetch cache, which holds a LISTEN connection: the launcher needs none.
  const { stopPromptFetch } = await import("../lib/prompts/fetch/fetch-prompt");
  await stopPromptFetch();
  await closeSqlPool();
  await writeDemoCredentials(credentialsFile, { ...demo, seeded: true });
  return seeded;
}

async function demoProjectExists(projectId: string) {
  const { db } = await import("../lib/db");
  return (await db.project.count({ where: { id: projectId } })) > 0;
}

async function waitForHealth(url: string) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the web server did not answer ${url} within 2 minutes`);
}
