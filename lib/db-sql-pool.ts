import "server-only";
import pg from "pg";
import { describeDatabaseError } from "./db-errors";
import { databaseUrl, env } from "./env";

const globalForPool = globalThis as unknown as { pharosSqlPool?: pg.Pool };

/**
 * The pool for set-based SQL that needs no ORM: the ingest writer's UNNEST inserts with
 * array parameters (the hot path), and the vector reads and writes of embeddings and drift.
 * Separate from Prisma's pool so a burst of ingest cannot starve the UI's queries.
 *
 * A connection lost while idle (Postgres restarted or failed over) is logged and dropped; the
 * pool opens a new one on next use. Without the 'error' handler pg would end the process.
 */
export function sqlPool(): pg.Pool {
  if (!globalForPool.pharosSqlPool) {
    const pool = new pg.Pool({
      connectionString: databaseUrl(),
      max: env().PHAROS_INGEST_POOL,
      connectionTimeoutMillis: env().PHAROS_DB_CONNECT_TIMEOUT_MS,
      query_timeout: env().PHAROS_DB_QUERY_TIMEOUT_MS,
      keepAlive: true,
    });
    pool.on("error", (error) => console.warn(`[pharos db] connection lost: ${describeDatabaseError(error)}`));
    globalForPool.pharosSqlPool = pool;
  }
  return globalForPool.pharosSqlPool;
}

/** For one-shot scripts (the demo seeder): let the process exit without idle connections. */
export async function closeSqlPool(): Promise<void> {
  await globalForPool.pharosSqlPool?.end();
  globalForPool.pharosSqlPool = undefined;
}
