import "server-only";
import pg from "pg";

const globalForPool = globalThis as unknown as { pharosIngestPool?: pg.Pool };

/**
 * The ingest writer talks to Postgres with `pg` directly: set-based UNNEST inserts with
 * array parameters are the hot path, and they need no ORM.
 */
export function ingestPool(): pg.Pool {
  if (!globalForPool.pharosIngestPool) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set");
    globalForPool.pharosIngestPool = new pg.Pool({ connectionString: url, max: Number(process.env.PHAROS_INGEST_POOL ?? 4) });
  }
  return globalForPool.pharosIngestPool;
}

/** For one-shot scripts (the demo seeder): let the process exit without idle connections. */
export async function closeIngestPool(): Promise<void> {
  await globalForPool.pharosIngestPool?.end();
  globalForPool.pharosIngestPool = undefined;
}
