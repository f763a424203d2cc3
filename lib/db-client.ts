import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";

export type Db = PrismaClient;

export function createPrismaClient(url: string, options: { poolSize: number }): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: options.poolSize }),
    // Secret material never leaves the data layer unless a caller asks for it explicitly.
    omit: { user: { passwordHash: true }, apiKey: { hashedSecret: true }, llmConnection: { apiKeyEncrypted: true, headersEncrypted: true } },
  });
}
