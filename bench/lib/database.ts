/**
 * A throwaway embedded Postgres for one benchmark run: migrated, exported as DATABASE_URL for
 * the app code under test, and removed again by `close()` (safe to call when start failed half-way).
 */
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { type RunningPostgres, startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import { migrateDeploy } from "../../scripts/lib/migrate";

export type BenchDatabase = { url: string; close: () => Promise<void> };

export async function startBenchDatabase(name: string, options: { postgresFlags?: string[] } = {}): Promise<BenchDatabase> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `pharos-bench-${name}-`));
  await chmod(dir, 0o711); // as root, the `postgres` user must traverse into the data dir
  let postgres: RunningPostgres | undefined;
  const close = async () => {
    // Only when Postgres came up: importing `db` earlier would try to connect without a URL.
    if (process.env.DATABASE_URL === postgres?.url && postgres) {
      const { db } = await import("../../lib/db");
      await db.$disconnect().catch(() => undefined);
    }
    await postgres?.stop();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    postgres = await startEmbeddedPostgres({ dir: path.join(dir, "pg"), database: "bench", postgresFlags: options.postgresFlags });
    await migrateDeploy(postgres.url, { quiet: true });
    process.env.DATABASE_URL = postgres.url;
    return { url: postgres.url, close };
  } catch (error) {
    await close();
    throw error;
  }
}
