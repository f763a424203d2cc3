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
 * The pool listens only to its idle clients, so each client also gets its own listener when it
 * is opened: a client checked out between two queries (a held advisory lock, a transaction
 * awaiting other work) that loses its connection would otherwise end the process through an
 * unhandled 'error' event. Its next query fails, and the pool discards it on release.
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
    const onError = (error: Error) => console.warn(`[pharos db] connection lost: ${describeDatabaseError(error)}`);
    pool.on("error", onError);
    pool.on("connect", (client) => client.on("error", onError));
    globalForPool.pharosSqlPool = pool;
  }
  return globalForPool.pharosSqlPool;
}

/** For one-shot scripts (the demo seeder): let the process exit without idle connections. */
export async function closeSqlPool(): Promise<void> {
  await globalForPool.pharosSqlPool?.end();
  globalForPool.pharosSqlPool = undefined;
}
