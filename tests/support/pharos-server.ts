// Starts Pharos exactly as `npm start` does (scripts/start.ts), on free ports, with its own
// data dir, and stops it with SIGTERM like a process manager would.
import { type ChildProcess, execFile, execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { freePort } from "../../scripts/lib/embedded-postgres";
import { hermeticEnv } from "./hermetic-env";
import { assertNoSecrets, dataDirSecrets, envSecrets, MIN_SECRET_LENGTH, parseCredentials, type Secret } from "./secret-scan";

const ROOT = path.resolve(import.meta.dirname, "../..");

export type PharosServer = {
  baseUrl: string;
  dataDir: string;
  output: () => string;
  /** Resolves once the combined output contains `text` (the worker starts beside the web server, not before it). */
  waitForOutput: (text: string, timeoutMs?: number) => Promise<void>;
  /** Adds a secret the test created or handled (API key, password, invite or verification token, session cookie) to the scan of stop(). */
  registerSecret: (value: string, name?: string) => void;
  /** Every secret the output is scanned for: the data dir's, the environment's and the registered ones. */
  secrets: () => Promise<Secret[]>;
  /** Stops the server, then fails (throws) if its output holds any of secrets(). */
  stop: () => Promise<number | null>;
  child: ChildProcess;
};

/** The servers running now by base URL, so helpers that only get a URL can register the secrets they create. */
const running = new Map<string, PharosServer>();

/**
 * registerSecret on the server at `baseUrl`, for helpers: nothing when no test server runs there
 * (a proxy's URL, a closed port) or the value is too short to scan for (a test's "x" password).
 */
export function registerServerSecret(baseUrl: string, value: string, name?: string): void {
  if (value.length >= MIN_SECRET_LENGTH) running.get(new URL(baseUrl).origin)?.registerSecret(value, name);
}

export async function newDataDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), "pharos-e2e-"));
}

type StartOptions = { dataDir?: string; env?: Record<string, string>; databaseUrl?: string; port?: number };

/**
 * Starts Pharos; a free port another process took between freePort() and the server's listen
 * (the other test lane starts servers and Postgres at the same time) is tried again on a new one.
 */
export async function startPharos(options: StartOptions = {}): Promise<PharosServer> {
  const dataDir = options.dataDir ?? (await newDataDir());
  for (let attempt = 1; ; attempt++) {
    try {
      return await startPharosOnce({ ...options, dataDir });
    } catch (error) {
      if (options.port !== undefined || attempt >= 3 || !String((error as Error).message).includes("EADDRINUSE")) throw error;
    }
  }
}

async function startPharosOnce(options: StartOptions & { dataDir: string }): Promise<PharosServer> {
  const dataDir = options.dataDir;
  // A given port: a restart after a crash comes back where clients already send.
  const port = options.port ?? (await freePort());
  // The default, embedded path is what users get; benchmarks pass their own database. The fake
  // webhook receivers and providers of the tests listen on 127.0.0.1, which Pharos refuses by default.
  const env = hermeticEnv(process.env, {
    PHAROS_DATA_DIR: dataDir,
    PORT: String(port),
    PHAROS_OUTBOUND_ALLOWED_HOSTS: "127.0.0.1",
    DATABASE_URL: options.databaseUrl,
    ...options.env,
  });
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/start.ts"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Pharos did not start within 120 s:\n${output}`)), 120_000);
    const check = () => {
      if (output.includes("[pharos] ready")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", check);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Pharos exited (${code}) before it was ready:\n${output}`));
    });
  });

  const baseUrl = `http://127.0.0.1:${port}`;
  const registered: Secret[] = [];
  // The settings this test gave Pharos (not the rest of the shell's environment).
  const settings = { DATABASE_URL: options.databaseUrl, ...options.env };
  const secrets = async (): Promise<Secret[]> => {
    const all = [...(await dataDirSecrets(dataDir, settings)), ...envSecrets(settings), ...registered];
    return all.filter((s, i) => all.findIndex((o) => o.value === s.value) === i);
  };
  const server: PharosServer = {
    baseUrl,
    dataDir,
    output: () => output,
    waitForOutput: (text, timeoutMs = 60_000) =>
      new Promise<void>((resolve, reject) => {
        if (output.includes(text)) return resolve();
        const timer = setTimeout(() => {
          child.stdout!.off("data", check);
          child.stderr!.off("data", check);
          reject(new Error(`Pharos did not print ${JSON.stringify(text)} within ${timeoutMs} ms:\n${output}`));
        }, timeoutMs);
        function check() {
          if (!output.includes(text)) return;
          clearTimeout(timer);
          child.stdout!.off("data", check);
          child.stderr!.off("data", check);
          resolve();
        }
        child.stdout!.on("data", check);
        child.stderr!.on("data", check);
      }),
    child,
    registerSecret: (value, name = `registered secret ${registered.length + 1}`) => {
      if (value.length < MIN_SECRET_LENGTH) throw new Error(`secret ${name} is shorter than ${MIN_SECRET_LENGTH} characters: too short to scan logs for`);
      registered.push({ name, value });
    },
    secrets,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      const code = await exited;
      if (running.get(baseUrl) === server) running.delete(baseUrl);
      // Every e2e run's server log is checked for every secret this server held or a test registered.
      assertNoSecrets(output, await secrets(), `the output of Pharos at ${baseUrl}`);
      return code;
    },
  };
  running.set(baseUrl, server);
  return server;
}

/**
 * A data dir as the first `npm start` leaves it once it has written the demo: embedded Postgres
 * initialised and migrated, secrets and credentials saved, the demo seeded. npm start is stopped
 * (SIGTERM, as Ctrl-C) right after it says so, before its web server and worker run, so no job
 * has started. Browser tests start Pharos on a copy (copyDataDir) instead of seeding their own:
 * each still gets its own Postgres, server and worker, and starts as a user's second start does.
 */
export async function createDemoDataDir(): Promise<string> {
  const dataDir = await newDataDir();
  const env = hermeticEnv(process.env, { PHAROS_DATA_DIR: dataDir, PORT: String(await freePort()), PHAROS_OUTBOUND_ALLOWED_HOSTS: "127.0.0.1" });
  // Its own process group: the SIGTERM can land while npm start spawns the web server and the
  // worker; whatever it started is ended with the group below.
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/start.ts"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  const code = await new Promise<number | null>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGTERM");
      reject(new Error(`npm start did not create the demo within 240 s:\n${output}`));
    }, 240_000);
    const onData = (d: Buffer) => {
      output += d;
      if (output.includes("Demo project created") && child.signalCode === null && !child.killed) child.kill("SIGTERM");
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.on("exit", (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  try {
    process.kill(-child.pid!, "SIGKILL");
  } catch {
    // the group is gone
  }
  const credentials = await readFile(path.join(dataDir, "credentials"), "utf8").catch(() => "");
  if (!output.includes("Demo project created") || !credentials.includes("demo_seeded=yes")) throw new Error(`npm start exited (${code}) without seeding the demo:\n${output}`);
  // Stopped cleanly: a copy must not start with crash recovery or a stale lock.
  if (existsSync(path.join(dataDir, "pg", "postmaster.pid")) || postgresProcessesFor(dataDir).length) throw new Error(`Postgres of the demo data dir did not stop:\n${output}`);
  assertNoSecrets(output, await dataDirSecrets(dataDir), "the output of npm start seeding the demo");
  return dataDir;
}

/** A new data dir holding a copy of `template` (files keep their owner: as root, Postgres's are the `postgres` user's). */
export async function copyDataDir(template: string): Promise<string> {
  const dataDir = await newDataDir();
  await promisify(execFile)("cp", ["-a", `${template}/.`, dataDir]);
  return dataDir;
}

/** The pids of a process and all its descendants, children first (for a SIGKILL of the whole tree, as a crash would). */
export function processTree(pid: number): number[] {
  const ps = execFileSync("ps", ["-eo", "pid=,ppid="], { encoding: "utf8" });
  const children = new Map<number, number[]>();
  for (const line of ps.trim().split("\n")) {
    const [child, parent] = line.trim().split(/\s+/).map(Number);
    if (!children.has(parent!)) children.set(parent!, []);
    children.get(parent!)!.push(child!);
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const c of children.get(p) ?? []) walk(c);
    out.push(p);
  };
  walk(pid);
  return out;
}

/** SIGKILL of Pharos and everything it started (web server, worker; not a database it did not start). */
export async function killPharos(server: PharosServer): Promise<void> {
  const pids = processTree(server.child.pid!);
  for (const pid of pids) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  await server.stop();
}

/** Postgres processes still running on a data dir (there must be none after a stop). */
export function postgresProcessesFor(dataDir: string): string[] {
  const ps = execFileSync("ps", ["-eo", "args"], { encoding: "utf8" });
  return ps.split("\n").filter((line) => line.includes("postgres") && line.includes(path.join(dataDir, "pg")));
}

/** The key=value lines of a data dir's credentials file. */
export const readCredentials = parseCredentials;
