/**
 * `npm test`: the whole suite as two Vitest runs side by side — the browser tests (`e2e`: one
 * file at a time, each with its own Pharos, Postgres and Chromium, mostly waiting on them) and
 * every other project (`unit`, `integration`: one file at a time against the shared test
 * Postgres). One Vitest run cannot do this: its projects share one worker limit, and files of a
 * project that must run alone wait until every other file has finished. Each project keeps the
 * order and isolation it had; unit and integration no longer wait for the production build.
 * With arguments it is plain `vitest run <arguments>` (`npm test -- tests/integration/x.test.ts`).
 */
import { spawn } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const vitest = path.join(ROOT, "node_modules", "vitest", "vitest.mjs");
const args = process.argv.slice(2);

type Lane = { name: string; args: string[] };
const lanes: Lane[] = args.length
  ? [{ name: "vitest", args }]
  : [
      { name: "e2e", args: ["--project", "e2e"] },
      { name: "unit + integration", args: ["--project", "!e2e"] },
    ];

const children = lanes.map((lane) => {
  const started = Date.now();
  const child = spawn(process.execPath, [vitest, "run", ...lane.args], { cwd: ROOT, stdio: "inherit" });
  const done = new Promise<{ lane: Lane; code: number; seconds: number }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ lane, code: code ?? (signal ? 1 : 0), seconds: Math.round((Date.now() - started) / 1000) })),
  );
  return { child, done };
});

// Ctrl-C reaches the whole process group; a SIGTERM from CI reaches only us: pass it on.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    for (const { child } of children) if (child.exitCode === null) child.kill(signal);
  });
}

const results = await Promise.all(children.map((c) => c.done));
if (results.length > 1) {
  console.log("");
  for (const r of results) console.log(`[npm test] ${r.lane.name}: ${r.code === 0 ? "passed" : `FAILED (exit ${r.code})`} in ${r.seconds} s`);
}
process.exit(results.find((r) => r.code !== 0)?.code ?? 0);
