// Integration tests: a real Postgres (embedded unless PHAROS_TEST_DATABASE_URL is set), migrated once.
// Not DATABASE_URL: a shell pointed at a real database must not have tests write into it.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import { migrateDeploy } from "../../scripts/lib/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  let url = process.env.PHAROS_TEST_DATABASE_URL;
  let stop: (() => Promise<void>) | undefined;
  if (!url) {
    // Under the system temp dir so that, as root, the `postgres` user can reach it.
    const dir = await mkdtemp(path.join(os.tmpdir(), "pharos-test-"));
    await chmod(dir, 0o711);
    const pg = await startEmbeddedPostgres({ dir: path.join(dir, "pg"), database: "pharos_test" });
    url = pg.url;
    stop = async () => {
      await pg.stop();
      await rm(dir, { recursive: true, force: true });
    };
  }
  await migrateDeploy(url, { quiet: true });
  project.provide("databaseUrl", url);
  return async () => {
    await stop?.();
  };
}
