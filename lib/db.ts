import "server-only";
import { createPrismaClient, type Db } from "./db-client";
import { databaseUrl, env } from "./env";

const globalForDb = globalThis as unknown as { pharosDb?: Db };

/** The one Prisma client of the server process (kept across dev hot reloads). */
export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    globalForDb.pharosDb ??= createPrismaClient(databaseUrl(), {
      poolSize: env().PHAROS_DB_POOL,
      connectTimeoutMs: env().PHAROS_DB_CONNECT_TIMEOUT_MS,
      queryTimeoutMs: env().PHAROS_DB_QUERY_TIMEOUT_MS,
    });
    const value = Reflect.get(globalForDb.pharosDb, property);
    return typeof value === "function" ? value.bind(globalForDb.pharosDb) : value;
  },
});
