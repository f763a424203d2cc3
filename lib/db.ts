import "server-only";
import { createPrismaClient, type Db } from "./db-client";

const globalForDb = globalThis as unknown as { pharosDb?: Db };

function connect(): Db {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  return createPrismaClient(url);
}

/** The one Prisma client of the server process (kept across dev hot reloads). */
export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    globalForDb.pharosDb ??= connect();
    const value = Reflect.get(globalForDb.pharosDb, property);
    return typeof value === "function" ? value.bind(globalForDb.pharosDb) : value;
  },
});
