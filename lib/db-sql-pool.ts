import "server-only";
import pg from "pg";
import { databaseUrl, env } from "./env";

const globalForPool = globalThis as unknown as { pharosSqlPool?: pg.Pool };

/**
 * The pool for set-based SQL that needs no ORM: the ingest writer's UNNEST inserts with
 * array parameters (the hot path), and the vector reads and writes of embeddings and drift.
 * Separate from Prisma's pool so a burst of ingest cannot starve the UI's queries.
 */
export function sqlPool(): pg.Pool {
  globalForPool.pharosSqlPool ??= new pg.Pool({ connectionString: databaseUrl(), max: env().PHAROS_INGEST_POOL });
  return globalForPool.pharosSqlPool;
}

/** For one-shot scripts (the demo seeder): let the process exit without idle connections. */
export async function closeSqlPool(): Promise<void> {
  await globalForPool.pharosSqlPool?.end();
  globalForPool.pharosSqlPool = undefined;
}
