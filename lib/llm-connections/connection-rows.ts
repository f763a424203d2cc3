import { db } from "../db";
import { encryptSecret } from "../embeddings/secret-box";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import type { LlmConnectionView } from "../schemas/llm-connections";
import { MIN_KEY_LENGTH_FOR_HINT } from "../schemas/llm-connections";

/** Shared by the services in this folder; not a service itself. */
export type Tx = Prisma.TransactionClient;

type Row = { id: string; name: string; baseUrl: string; apiKeyHint: string | null; headerNames: string[]; models: string[]; createdAt: Date; updatedAt: Date };
/** Whether a key is stored, without selecting the sealed value. */
type RowWithKeyFlag = Row & { hasApiKey: boolean };

export const viewOf = (c: RowWithKeyFlag): LlmConnectionView => ({
  id: c.id, name: c.name, baseUrl: c.baseUrl, hasApiKey: c.hasApiKey, apiKeyHint: c.apiKeyHint ? `…${c.apiKeyHint}` : null,
  headerNames: c.headerNames, models: c.models, createdAt: c.createdAt, updatedAt: c.updatedAt,
});

/** What audit rows record: the shape of the connection, never a secret or part of one. */
export const auditSnapshot = (v: LlmConnectionView) => ({ name: v.name, baseUrl: v.baseUrl, hasApiKey: v.hasApiKey, headerNames: v.headerNames, models: v.models });

/** The columns a key change writes: sealed key and its hint (only for long keys). */
export function keyColumns(apiKey: string | null) {
  return {
    apiKeyEncrypted: apiKey === null ? null : encryptSecret(apiKey),
    apiKeyHint: apiKey !== null && apiKey.length >= MIN_KEY_LENGTH_FOR_HINT ? apiKey.slice(-4) : null,
  };
}

/** The columns a headers change writes: the sealed map and the names alone. */
export function headerColumns(headers: Record<string, string> | null) {
  const names = Object.keys(headers ?? {});
  return { headersEncrypted: names.length ? encryptSecret(JSON.stringify(headers)) : null, headerNames: names };
}

/** A connection of the project as a view, or 404: ids of other projects are simply not found. */
export async function requireConnection(options: { projectId: string; connectionId?: string; name?: string; tx?: Tx }): Promise<LlmConnectionView> {
  const { projectId, connectionId, name } = options;
  const where = connectionId !== undefined ? { projectId, id: connectionId } : { projectId, name: name ?? "" };
  const row = await (options.tx ?? db).llmConnection.findFirst({ where, omit: { apiKeyEncrypted: false } });
  if (!row) throw new AppError("NOT_FOUND", connectionId !== undefined ? `LLM connection ${connectionId} not found` : `LLM connection "${name}" not found`);
  const { apiKeyEncrypted, ...rest } = row;
  return viewOf({ ...rest, hasApiKey: apiKeyEncrypted !== null });
}

export function nameTaken(name: string) {
  return new AppError("CONFLICT", `An LLM connection named "${name}" already exists in this project; pick another name`);
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/** Who made a change: a member (UI) or an API key (public API). */
export type Actor = { userId: string } | { apiKeyId: string };
export const actorColumns = (a: Actor) => ("userId" in a ? { actorUserId: a.userId } : { actorApiKey: a.apiKeyId });
