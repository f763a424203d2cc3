import "server-only";
import { db } from "../db";
import { decryptSecret } from "../embeddings/secret-box";
import { AppError } from "../errors";
import { ingestSettings } from "../ingest/project-settings";
import type { LlmEndpoint } from "../llm/provider-http";
import type { PriceOverride } from "../pricing/price-overrides";

/**
 * The one place sealed secrets are opened: the endpoint (URL, key, headers) to hand to the
 * client in lib/llm, and the project's price overrides so calls are priced as ingest prices spans.
 */
export async function resolveLlmEndpoint(options: { projectId: string; connectionId?: string; name?: string }): Promise<{ connection: { id: string; name: string; models: string[] }; endpoint: LlmEndpoint; overrides: PriceOverride[] }> {
  const { projectId, connectionId, name } = options;
  const where = connectionId !== undefined ? { projectId, id: connectionId } : { projectId, name: name ?? "" };
  const row = await db.llmConnection.findFirst({ where, omit: { apiKeyEncrypted: false, headersEncrypted: false } });
  if (!row) throw new AppError("NOT_FOUND", connectionId !== undefined ? `LLM connection ${connectionId} not found` : `LLM connection "${name}" not found`);
  const open = (sealed: string) => {
    try {
      return decryptSecret(sealed);
    } catch {
      throw new AppError("INVALID", `The secrets of LLM connection "${row.name}" cannot be decrypted (was the encryption secret changed?); enter the API key and headers again`);
    }
  };
  const headers = row.headersEncrypted ? (JSON.parse(open(row.headersEncrypted)) as Record<string, string>) : {};
  const { priceOverrides } = await ingestSettings(projectId);
  return {
    connection: { id: row.id, name: row.name, models: row.models },
    endpoint: { baseUrl: row.baseUrl, apiKey: row.apiKeyEncrypted ? open(row.apiKeyEncrypted) : null, headers },
    overrides: priceOverrides,
  };
}
