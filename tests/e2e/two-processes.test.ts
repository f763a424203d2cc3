// Pharos past one process (docs/scaling.md): on one Postgres, process A runs everything
// (PHAROS_ROLE=all: web + worker), B only the web server (PHAROS_ROLE=web) and C only a second
// worker (PHAROS_ROLE=worker). Ingest goes through A and B; the test checks what holds across
// processes and what does not:
// - rate limits are per process (an in-memory token bucket each): N replicas admit N × the limit;
// - a session signed in on A works on B (shared NEXTAUTH_SECRET);
// - a version published through A moves `latest` for B's prompt cache within 1 s (LISTEN/NOTIFY);
// - an alert is delivered exactly once with two workers and overlapping evaluation jobs.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningPostgres, startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import { migrateDeploy } from "../../scripts/lib/migrate";
import { QUEUES } from "../../lib/jobs/boss";
import { signInOverHttp } from "../support/http-session";
import { hex } from "../support/ingest";
import { type PharosServer, startPharos } from "../support/pharos-server";
import { webhookServer } from "../support/webhook-server";

const SECRET = "sk-two-processes-0123456789abcdef";
const EMAIL = "scale@example.test";
const PASSWORD = "scale-password-1";
const shared = {
  NEXTAUTH_SECRET: "two-processes-shared-secret-0123456789",
  // 5 at once, then one every 10 s: the test's requests all fall inside one refill.
  PHAROS_INGEST_RATE_LIMIT_PER_MINUTE: "6",
  PHAROS_INGEST_RATE_LIMIT_BURST: "5",
};
const init = {
  PHAROS_INIT_ORG_NAME: "Scale org", PHAROS_INIT_PROJECT_NAME: "Scale project", PHAROS_INIT_USER_EMAIL: EMAIL,
  PHAROS_INIT_USER_PASSWORD: PASSWORD, PHAROS_INIT_PROJECT_PUBLIC_KEY: "pk-two-processes-0123456789", PHAROS_INIT_PROJECT_SECRET_KEY: SECRET,
};

describe("two web processes and two workers on one Postgres", () => {
  let dir: string;
  let postgres: RunningPostgres;
  let a: PharosServer;
  let b: PharosServer;
  let c: PharosServer;
  const hook = webhookServer();
  let hookUrl: string;

  beforeAll(async () => {
    hookUrl = await hook.start();
    dir = await mkdtemp(path.join(os.tmpdir(), "pharos-two-processes-"));
    await chmod(dir, 0o711);
    postgres = await startEmbeddedPostgres({ dir: path.join(dir, "pg"), database: "pharos" });
    await migrateDeploy(postgres.url, { quiet: true });
    // A initializes (headless: org, project, user, keys); B and C never do.
    a = await startPharos({ databaseUrl: postgres.url, env: { ...shared, ...init, PHAROS_ROLE: "all" } });
    [b, c] = await Promise.all([
      startPharos({ databaseUrl: postgres.url, env: { ...shared, PHAROS_ROLE: "web" } }),
      startPharos({ databaseUrl: postgres.url, env: { ...shared, PHAROS_ROLE: "worker" } }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop(), c?.stop()]);
    await postgres?.stop();
    await hook.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("each process runs what its role says", async () => {
    // The worker reports after registering its jobs, which can come after the web server's "ready".
    await a.waitForOutput("[pharos worker] running");
    await c.waitForOutput("[pharos worker] running");
    expect(a.output()).toContain("[pharos worker] running");
    expect(b.output()).toContain("(web only, no worker)");
    expect(b.output()).not.toContain("[pharos worker]");
    expect(b.output()).toContain("role web: no initialization");
    expect(c.output()).toContain("[pharos] ready: worker only");
  });

  it("a replica refuses to start without the shared database or the shared secret", async () => {
    await expect(startPharos({ env: { ...shared, PHAROS_ROLE: "web" } })).rejects.toThrow(/PHAROS_ROLE=web needs DATABASE_URL/);
    await expect(startPharos({ databaseUrl: postgres.url, env: { PHAROS_ROLE: "worker" } })).rejects.toThrow(/PHAROS_ROLE=worker needs NEXTAUTH_SECRET/);
  });

  const ingest = (server: PharosServer, level: "ERROR" | "DEFAULT") =>
    fetch(`${server.baseUrl}/api/public/ingest`, {
      method: "POST",
      headers: { authorization: `Bearer ${SECRET}`, "content-type": "application/json" },
      body: JSON.stringify({
        batch: [{ id: `e-${hex(6)}`, type: "generation", body: { id: hex(8), traceId: hex(16), name: "chat", model: "gpt-4o-mini", startTime: new Date(Date.now() - 1_000).toISOString(), endTime: new Date().toISOString(), level } }],
      }),
    });

  it("rate limits are per process: each admits its own burst of the same key", async () => {
    // Sequential, so a bucket's order is the order sent: 5 admitted, then 429 with Retry-After.
    const statuses = { a: [] as number[], b: [] as number[] };
    let retryAfter: string | null = null;
    for (let i = 0; i < 7; i++) {
      const res = await ingest(a, "ERROR");
      statuses.a.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get("retry-after");
    }
    // B has not seen this key: its bucket is full although A's is empty.
    for (let i = 0; i < 7; i++) statuses.b.push((await ingest(b, "DEFAULT")).status);
    expect(statuses).toEqual({ a: [207, 207, 207, 207, 207, 429, 429], b: [207, 207, 207, 207, 207, 429, 429] });
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    // Exactly the 10 acknowledged spans are stored: 5 errors through A, 5 ok through B.
    const client = new pg.Client({ connectionString: postgres.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ level: string; n: number }>(`select level, count(*)::int as n from spans group by level order by level`);
      expect(rows).toEqual([{ level: "DEFAULT", n: 5 }, { level: "ERROR", n: 5 }]);
    } finally {
      await client.end();
    }
  });

  it("a version published through A is the `latest` B serves next (B's cache is invalidated by NOTIFY, not by its 5-minute expiry)", async () => {
    const publish = (template: string) =>
      fetch(`${a.baseUrl}/api/public/prompts`, { method: "POST", headers: { authorization: `Bearer ${SECRET}`, "content-type": "application/json" }, body: JSON.stringify({ name: "scale/answer", type: "text", template }) });
    const latestOnB = async () => ((await (await fetch(`${b.baseUrl}/api/public/prompts/scale/answer?label=latest`, { headers: { authorization: `Bearer ${SECRET}` } })).json()) as { version: number }).version;
    const listeners = async () => {
      const client = new pg.Client({ connectionString: postgres.url });
      await client.connect();
      const { rows } = await client.query<{ n: number }>(`select count(*)::int as n from pg_stat_activity where application_name = 'pharos-prompt-labels'`).finally(() => client.end());
      return rows[0]!.n;
    };
    expect((await publish("v1 {{q}}")).status).toBe(201);
    const listenersBefore = await listeners();
    expect(await latestOnB()).toBe(1);
    // B's first fetch opened its LISTEN connection; a head read before it held lives 500 ms. Read once it holds, so B caches.
    await new Promise((r) => setTimeout(r, 700));
    expect(await latestOnB()).toBe(1);
    // B listens (its own connection, beside A's): the move below reaches it by NOTIFY, not by expiry
    // (tests/e2e/prompt-fetch.test.ts shows a head without NOTIFY stays cached).
    expect(await listeners()).toBe(listenersBefore + 1);
    expect((await publish("v2 {{q}}")).status).toBe(201);
    // A listening head lives 5 minutes (LISTENING_MAX_AGE_MS), so v2 within 30 s can only come from
    // the NOTIFY. How long it took is printed, not asserted: tests do not time (docs/benchmarks.md does).
    const t0 = performance.now();
    while ((await latestOnB()) !== 2) {
      if (performance.now() - t0 > 30_000) throw new Error("B still serves v1 as latest after 30 s: the NOTIFY did not reach it");
      await new Promise((r) => setTimeout(r, 10));
    }
    console.log(`[two-processes] B served v2 ${Math.round(performance.now() - t0)} ms after A published it`);
  });

  it("an alert fed by spans from both processes is delivered exactly once with two workers", async () => {
    // Signed in on A, used on B: the session cookie is valid on every replica with the same secret.
    const cookie = await signInOverHttp(a.baseUrl, EMAIL, PASSWORD);
    expect(cookie).not.toBeNull();
    const client = new pg.Client({ connectionString: postgres.url });
    await client.connect();
    const projectId = (await client.query<{ id: string }>(`select id from projects where name = 'Scale project'`)).rows[0]!.id;
    await client.end();
    const created = await fetch(`${b.baseUrl}/api/projects/${projectId}/alerts`, {
      method: "POST",
      headers: { cookie: cookie!, "content-type": "application/json" },
      body: JSON.stringify({ name: "Error spike", measure: "error_rate", threshold: 0.2, windowMinutes: 5, cooldownMinutes: 30, webhookUrl: hookUrl }),
    });
    expect(created.status).toBe(201);
    const ruleId = ((await created.json()) as { id: string }).id;

    // The error rate over the window is 5/10 from the spans above. Two evaluation jobs at once, as
    // when one overran its minute (the workers' own cron may add a third): C and A's worker race.
    const boss = new PgBoss({ connectionString: postgres.url, schema: "pgboss", max: 2, supervise: false, schedule: false });
    boss.on("error", () => undefined);
    await boss.start();
    try {
      const ids = await Promise.all([boss.send(QUEUES.evaluateAlerts, {}), boss.send(QUEUES.evaluateAlerts, {})]);
      const mine = () => hook.received.filter((r) => r.body.pharos.ruleId === ruleId);
      await expect.poll(() => mine().length, { timeout: 30_000, interval: 200 }).toBeGreaterThanOrEqual(1);
      const states = () => Promise.all(ids.map(async (id) => (await boss.getJobById(QUEUES.evaluateAlerts, id!))?.state));
      await expect.poll(states, { timeout: 30_000, interval: 200 }).toEqual(["completed", "completed"]);
      await new Promise((r) => setTimeout(r, 2_000));
      expect(mine().map((r) => r.body.pharos.kind)).toEqual(["firing"]);
      expect(mine()[0]!.body.pharos.value).toBe(0.5);
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  });
});
