import { PrismaPg } from "@prisma/adapter-pg";
import { describeDatabaseError } from "./db-errors";
import { PrismaClient } from "./generated/prisma/client";

export type Db = PrismaClient;

export type PoolTimeouts = { connectTimeoutMs: number; queryTimeoutMs: number };

export function createPrismaClient(url: string, options: { poolSize: number } & Partial<PoolTimeouts>): PrismaClient {
  // A connection lost while idle (Postgres restarted, failed over) is logged and replaced on next
  // use; without these handlers pg's 'error' event would end the process.
  const onError = (error: Error) => console.warn(`[pharos db] connection lost: ${describeDatabaseError(error)}`);
  return new PrismaClient({
    adapter: new PrismaPg(
      {
        connectionString: url,
        max: options.poolSize,
        connectionTimeoutMillis: options.connectTimeoutMs,
        query_timeout: options.queryTimeoutMs,
        keepAlive: true,
      },
      { onPoolError: onError, onConnectionError: onError },
    ),
    // Secret material never leaves the data layer unless a caller asks for it explicitly.
    omit: { user: { passwordHash: true }, apiKey: { hashedSecret: true }, llmConnection: { apiKeyEncrypted: true, headersEncrypted: true } },
  });
}
