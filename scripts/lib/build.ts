import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
const INPUTS = ["app", "components", "lib", "public", "prisma/schema.prisma", "next.config.js", "postcss.config.mjs", "tsconfig.json", "package.json"];
const STAMP = path.join(ROOT, ".next", "pharos-source-hash");

async function hashTree(hash: ReturnType<typeof createHash>, target: string): Promise<void> {
  if (!existsSync(target)) return;
  const info = await stat(target);
  if (info.isFile()) {
    hash.update(path.relative(ROOT, target));
    hash.update(await readFile(target));
    return;
  }
  for (const entry of (await readdir(target)).sort()) {
    if (entry === "generated" || entry === "node_modules" || entry.endsWith(".test.ts")) continue;
    await hashTree(hash, path.join(target, entry));
  }
}

/** A hash of everything `next build` reads, so a build is redone exactly when sources change. */
export async function sourceHash(): Promise<string> {
  const hash = createHash("sha256");
  for (const input of INPUTS) await hashTree(hash, path.join(ROOT, input));
  return hash.digest("hex");
}

export async function isBuildCurrent(): Promise<boolean> {
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID")) || !existsSync(STAMP)) return false;
  return (await readFile(STAMP, "utf8")).trim() === (await sourceHash());
}

/** Runs `next build` unless the last build was made from the same sources. */
export async function ensureBuild(log: (line: string) => void = console.log): Promise<void> {
  if (await isBuildCurrent()) return;
  log("[pharos] building the web app (first start or sources changed; about a minute)…");
  const hash = await sourceHash();
  const next = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
  // NODE_ENV is production whoever builds: under vitest it is "test", and next.config.js would
  // then bake the dev server's CSP ('unsafe-eval') into the production build's headers.
  const child = spawn(process.execPath, [next, "build"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" } });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const code: number = await new Promise((resolve) => child.on("close", (c) => resolve(c ?? 1)));
  if (code !== 0) throw new Error(`next build failed (exit ${code}):\n${output.slice(-4000)}`);
  await writeFile(STAMP, hash);
  log("[pharos] build finished");
}
