import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

/** Applies pending migrations with `prisma migrate deploy` (the CLI's wasm engine, no download). */
export async function migrateDeploy(databaseUrl: string, opts: { quiet?: boolean } = {}): Promise<void> {
  const cli = path.join(path.dirname(require.resolve("prisma/package.json")), "build", "index.js");
  const preload = path.join(import.meta.dirname, "unref-long-timers.cjs");
  const child = spawn(process.execPath, ["--require", preload, cli, "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const code: number = await new Promise((resolve) => child.on("close", (c) => resolve(c ?? 1)));
  if (code !== 0) throw new Error(`prisma migrate deploy failed (exit ${code}):\n${output}`);
  if (!opts.quiet) {
    const applied = output.match(/following migration\(s\) have been applied:[\s\S]*?(?=All migrations|$)/)?.[0];
    console.log(applied ? "[pharos] database migrated" : "[pharos] database schema is up to date");
  }
}
