// [reliability] Pharos survives its database going away: an immediate restart of an external
// Postgres (a managed database's failover or maintenance) while requests flow, and the death
// of npm start's own embedded Postgres. Real processes and signals; no mocks.
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { processTree, startPharos } from "../support/pharos-server";
import { INIT_ENV, restartPostgresImmediately, SECRET, sleep, startPharosOn, startTestPostgres, type TestPostgres } from "../support/faults";

const auth = { authorization: `Bearer ${SECRET}` };

function ingestBody(n: number) {
  const traceId = `restart-${Date.now()}-${n}`;
  const now = new Date().toISOString();
  return JSON.stringify({
    batch: [
      { id: `${traceId}-t`, type: "trace", timestamp: now, body: { id: traceId, name: "restart" } },
      { id: `${traceId}-s`, type: "span", timestamp: now, body: { id: `${traceId}-span`, traceId, name: "s", startTime: now, endTime: now } },
    ],
  });
}

type Probe = { at: number; route: string; status: number | string; retryAfter: string | null; code?: string };

/** Requests that need the database: a Prisma read, the ingest write (sql pool), the health check. */
async function probe(baseUrl: string, n: number): Promise<Probe[]> {
  const calls: [string, () => Promise<Response>][] = [
    ["traces", () => fetch(`${baseUrl}/api/public/traces?limit=1`, { headers: auth, signal: AbortSignal.timeout(15_000) })],
    ["ingest", () => fetch(`${baseUrl}/api/public/ingest`, { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: ingestBody(n), signal: AbortSignal.timeout(15_000) })],
    ["health", () => fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(15_000) })],
  ];
  return Promise.all(
    calls.map(async ([route, call]) => {
      const at = Date.now();
      try {
        const res = await call();
        const body = (await res.json().catch(() => ({}))) as { error?: { code?: string } };
        return { at, route, status: res.status, retryAfter: res.headers.get("retry-after"), code: body.error?.code };
      } catch (error) {
        return { at, route, status: (error as Error).name, retryAfter: null };
      }
    }),
  );
}

function workerAlive(rootPid: number): boolean {
  return processTree(rootPid).some((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("scripts/worker.ts");
    } catch {
      return false;
    }
  });
}

describe("[reliability] an immediate restart of an external Postgres while requests flow", () => {
  let db: TestPostgres | undefined;
  let pharos: Awaited<ReturnType<typeof startPharosOn>> | undefined;
  afterAll(async () => {
    await pharos?.stop();
    await db?.dispose();
  });

  it("keeps the server and the worker up, answers 503 + Retry-After while Postgres is away, and recovers by itself", async () => {
    db = await startTestPostgres();
    pharos = await startPharosOn(db.url);
    const server = pharos.current();
    const { baseUrl } = server;
    await server.waitForOutput("[pharos worker] running");
    expect(workerAlive(server.child.pid!)).toBe(true);

    const probes: Probe[] = [];
    let flowing = true;
    let n = 0;
    // Four parallel request streams for the whole run: some are in flight when Postgres goes.
    const streams = Array.from({ length: 4 }, async () => {
      while (flowing) {
        probes.push(...(await probe(baseUrl, n++)));
        await sleep(50);
      }
    });
    await sleep(1_500);
    let down = 0;
    let up = 0;
    await restartPostgresImmediately(db, 3_000, (line) => {
      if (line.includes("down")) down = Date.now();
      else up = Date.now();
    });
    // Recovers by itself: every route answers 2xx again within 20 s of Postgres being back.
    const deadline = up + 20_000;
    let recoveredAt = 0;
    while (Date.now() < deadline) {
      const round = await probe(baseUrl, n++);
      if (round.every((p) => typeof p.status === "number" && p.status < 300)) {
        recoveredAt = Date.now();
        break;
      }
      await sleep(200);
    }
    flowing = false;
    await Promise.all(streams);

    const during = probes.filter((p) => p.at >= down + 200 && p.at <= up - 200);
    console.log(`[reliability] restart: ${probes.length} requests; during the ${up - down} ms gap: ${JSON.stringify(count(during))}; recovered ${recoveredAt - up} ms after Postgres was back`);
    expect(recoveredAt).toBeGreaterThan(0);
    expect(during.length).toBeGreaterThan(0);
    // While the database is away: 503 with Retry-After and the one error shape, nothing else.
    for (const p of during) {
      expect(p.status, JSON.stringify(p)).toBe(503);
      if (p.route !== "health") expect(p).toMatchObject({ code: "UNAVAILABLE" });
      if (p.route !== "health") expect(Number(p.retryAfter)).toBeGreaterThan(0);
    }
    // Never a 500 and never a dropped connection, before, during or after.
    for (const p of probes) expect([200, 207, 503], JSON.stringify(p)).toContain(p.status);

    expect(server.child.exitCode).toBeNull();
    expect(workerAlive(server.child.pid!)).toBe(true);
    expect(server.output()).not.toMatch(/worker exited|web server exited|unhandled 'error'|Unhandled 'error'/);
  });
});

describe("[reliability] npm start's embedded Postgres dies", () => {
  let server: Awaited<ReturnType<typeof startPharos>> | undefined;
  afterAll(async () => {
    await server?.stop();
  });

  it("restarts it, says so, and the app recovers", async () => {
    server = await startPharos({ env: INIT_ENV });
    await server.waitForOutput("[pharos worker] running");
    const pidFile = path.join(server.dataDir, "pg", "postmaster.pid");
    const postmaster = Number((await readFile(pidFile, "utf8")).split("\n")[0]);
    expect(postmaster).toBeGreaterThan(0);
    process.kill(postmaster, "SIGKILL");
    await server.waitForOutput("embedded Postgres exited unexpectedly (SIGKILL); restarting it", 10_000);
    await server.waitForOutput("embedded Postgres restarted", 60_000);

    const deadline = Date.now() + 30_000;
    let last: Probe[] = [];
    while (Date.now() < deadline) {
      last = await probe(server.baseUrl, 0);
      if (last.every((p) => typeof p.status === "number" && p.status < 300)) break;
      await sleep(250);
    }
    expect(last.map((p) => p.status)).toEqual([200, 207, 200]);
    const restarted = Number((await readFile(pidFile, "utf8")).split("\n")[0]);
    expect(restarted).not.toBe(postmaster);
    expect(server.child.exitCode).toBeNull();
    expect(workerAlive(server.child.pid!)).toBe(true);
  });
});

function count(probes: Probe[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of probes) out[`${p.route} ${p.status}`] = (out[`${p.route} ${p.status}`] ?? 0) + 1;
  return out;
}
