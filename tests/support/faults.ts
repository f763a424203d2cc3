// Fault injection for the reliability tests: a Postgres the test owns (so it can restart,
// kill and freeze it), Pharos started against it, and SDK clients that record what the
// server acknowledged. Real processes only: signals, not mocks.
import { execFileSync } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort, type RunningPostgres, startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import { Pharos, type PharosError } from "../../sdk/src/index";
import { killPharos, newDataDir, type PharosServer, startPharos } from "./pharos-server";

export const SECRET = "sk-faults-0123456789abcdef";
export const INIT_ENV = {
  PHAROS_INIT_ORG_NAME: "Faults org", PHAROS_INIT_PROJECT_NAME: "Faults project", PHAROS_INIT_USER_EMAIL: "faults@example.test",
  PHAROS_INIT_USER_PASSWORD: "faults-password-1", PHAROS_INIT_PROJECT_PUBLIC_KEY: "pk-faults-0123456789", PHAROS_INIT_PROJECT_SECRET_KEY: SECRET,
};

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type TestPostgres = RunningPostgres & { dispose: () => Promise<void> };

/** An embedded Postgres under the temp dir that the test restarts, kills and freezes itself (not supervised). */
export async function startTestPostgres(): Promise<TestPostgres> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "pharos-faults-"));
  await chmod(dir, 0o711);
  const running = await startEmbeddedPostgres({ dir: path.join(dir, "pg"), database: "pharos" });
  return {
    ...running,
    dispose: async () => {
      await running.stop().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** `pg_ctl -m immediate` without pg_ctl: SIGQUIT to the postmaster ends every backend at once, no checkpoint. */
export async function restartPostgresImmediately(db: RunningPostgres, downMs: number, log: (line: string) => void = () => undefined): Promise<void> {
  const pid = db.pid();
  if (!pid) throw new Error("Postgres is not running");
  const exited = db.exited();
  process.kill(pid, "SIGQUIT");
  await exited;
  log(`postgres down (immediate shutdown of ${pid})`);
  await sleep(downMs);
  await db.restart();
  log(`postgres up again (pid ${db.pid()})`);
}

/** Postmaster and every backend: kill -STOP freezes the whole server, connections stay open and silent. */
export function postgresPids(db: RunningPostgres): number[] {
  const postmaster = db.pid();
  if (!postmaster) throw new Error("Postgres is not running");
  const children = execFileSync("ps", ["-o", "pid=", "--ppid", String(postmaster)], { encoding: "utf8" }).trim().split(/\s+/).filter(Boolean).map(Number);
  return [postmaster, ...children];
}

export function signalAll(pids: number[], signal: NodeJS.Signals) {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // gone
    }
  }
}

export type Pharos1 = { server: PharosServer; port: number; dataDir: string; restart: () => Promise<void>; kill: () => Promise<void> };

/** Pharos against the test's Postgres on a fixed port, so a restart after SIGKILL comes back where the SDK sends. */
export async function startPharosOn(databaseUrl: string, env: Record<string, string> = {}): Promise<{ current: () => PharosServer; port: number; crashAndRestart: () => Promise<void>; stop: () => Promise<void> }> {
  const port = await freePort();
  const dataDir = await newDataDir();
  let server = await startPharos({ databaseUrl, port, dataDir, env: { ...INIT_ENV, ...env } });
  return {
    current: () => server,
    port,
    crashAndRestart: async () => {
      await killPharos(server);
      server = await startPharos({ databaseUrl, port, dataDir, env: { ...INIT_ENV, ...env } });
    },
    stop: async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export type Ledger = {
  sent: Set<string>;
  acknowledged: Set<string>;
  droppedByClient: Set<string>;
  statuses: Map<number | string, number>;
  /** [start ms, end ms, status] of every ingest request the SDK made. */
  requests: [number, number, number | string][];
  errors: PharosError[];
};

export function newLedger(): Ledger {
  return { sent: new Set(), acknowledged: new Set(), droppedByClient: new Set(), statuses: new Map(), requests: [], errors: [] };
}

/**
 * An SDK client whose fetch notes which spans a 2xx acknowledged (per event: a 207 lists each
 * event's status) and whose onError notes the spans it gave up on (dropped by the client).
 */
export function recordingClient(baseUrl: string, ledger: Ledger, options: { maxRetries?: number; flushAt?: number } = {}): Pharos {
  const spanOfEvent = new Map<string, string>();
  const recordingFetch = async (url: string, init: RequestInit) => {
    const started = Date.now();
    const batch = (JSON.parse(String(init.body)) as { batch: { id: string; type: string; body: { id?: string } }[] }).batch;
    for (const e of batch) if ((e.type === "span" || e.type === "generation") && e.body.id) spanOfEvent.set(e.id, e.body.id);
    let response: Response;
    try {
      response = await fetch(url, init);
    } catch (error) {
      const kind = (error as Error).name === "TimeoutError" ? "timeout" : "network";
      ledger.statuses.set(kind, (ledger.statuses.get(kind) ?? 0) + 1);
      ledger.requests.push([started, Date.now(), kind]);
      throw error;
    }
    ledger.statuses.set(response.status, (ledger.statuses.get(response.status) ?? 0) + 1);
    ledger.requests.push([started, Date.now(), response.status]);
    if (response.status >= 200 && response.status < 300) {
      const text = await response.text();
      const results = (JSON.parse(text) as { results?: { id: string; status: number }[] }).results ?? [];
      for (const r of results) {
        const span = spanOfEvent.get(r.id);
        if (span && r.status < 300) ledger.acknowledged.add(span);
      }
      return new Response(text, { status: response.status, headers: response.headers });
    }
    return response;
  };
  return new Pharos({
    baseUrl,
    secretKey: SECRET,
    flushAt: options.flushAt ?? 50,
    flushIntervalMs: 200,
    maxQueueSize: 1_000_000,
    // The SDK's default (5) gives up within seconds; an application that must not lose spans
    // across a database restart or a redeploy raises it. Whatever is still dropped is counted.
    maxRetries: options.maxRetries ?? 30,
    requestTimeoutMs: 15_000,
    fetch: recordingFetch as never,
    onError: (error) => {
      ledger.errors.push(error);
      if (error.code === "network" || error.code === "http" || error.code === "queue_full") {
        for (const id of error.eventIds ?? []) ledger.droppedByClient.add(spanOfEvent.get(id) ?? id);
      }
    },
  });
}

/**
 * `concurrency` SDK clients together send `total` spans (traces of 10), spread over about
 * `spreadMs`, and flush. Resolves when every client has flushed (sent, or given up).
 */
export async function produceSpans(options: { baseUrl: () => string; ledger: Ledger; total: number; concurrency: number; spreadMs: number; maxRetries?: number }): Promise<void> {
  const { ledger, total, concurrency, spreadMs } = options;
  const perClient = Math.ceil(total / concurrency);
  const tick = 100;
  const ticks = Math.max(1, Math.floor(spreadMs / tick));
  await Promise.all(
    Array.from({ length: concurrency }, async (_, c) => {
      const client = recordingClient(options.baseUrl(), ledger, { maxRetries: options.maxRetries });
      let made = 0;
      for (let t = 0; t < ticks && made < perClient; t++) {
        const due = Math.min(perClient, Math.ceil(((t + 1) * perClient) / ticks));
        while (made < due) {
          const trace = client.trace({ name: `faults-${c}-${made}` });
          for (let i = 0; i < 10 && made < due; i++, made++) {
            const span = trace.span({ name: "work", input: { client: c, n: made } });
            ledger.sent.add(span.id);
            span.end({ output: "ok" });
          }
        }
        await sleep(tick);
      }
      await client.shutdown();
    }),
  );
}

export type Tally = { sent: number; acknowledged: number; stored: number; duplicated: number; droppedByClient: number; ackedNotStored: number; sentNotStored: number };

/** Reads what Postgres holds for the spans the SDK made. */
export async function tally(databaseUrl: string, ledger: Ledger): Promise<Tally> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const ids = [...ledger.sent];
    const { rows } = await client.query<{ id: string; n: number }>("select id, count(*)::int as n from spans where id = any($1::text[]) group by id", [ids]);
    const stored = new Map(rows.map((r) => [r.id, r.n]));
    return {
      sent: ids.length,
      acknowledged: ledger.acknowledged.size,
      stored: stored.size,
      duplicated: rows.filter((r) => r.n > 1).reduce((sum, r) => sum + r.n - 1, 0),
      droppedByClient: ledger.droppedByClient.size,
      ackedNotStored: [...ledger.acknowledged].filter((id) => !stored.has(id)).length,
      sentNotStored: ids.filter((id) => !stored.has(id)).length,
    };
  } finally {
    await client.end();
  }
}
