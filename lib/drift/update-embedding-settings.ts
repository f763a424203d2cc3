import "server-only";
import { db } from "../db";
import { AppError } from "../errors";
import { encryptSecret } from "../embeddings/secret-box";
import { toJsonValue } from "../json";
import type { StoredEmbeddingSettings, UpdateEmbeddingSettings } from "../schemas/drift";
import { assertOutboundUrl } from "../security/outbound";
import { embeddingSettings, stripUndefined } from "./embedding-settings";
import { alphaWindowsProblem } from "./math/decide";

/** Merges `changes` into the stored settings; a provider API key is stored encrypted, and kept when omitted. */
export async function updateEmbeddingSettings(options: { projectId: string; changes: UpdateEmbeddingSettings }): Promise<StoredEmbeddingSettings> {
  const { projectId, changes } = options;
  const current = await embeddingSettings({ projectId });
  const { providerConfig, ...rest } = changes;
  const next: StoredEmbeddingSettings = { ...current, ...stripUndefined(rest) };
  // The body schema checks alpha × windows when both are sent; one alone is checked against the stored other.
  const problem = alphaWindowsProblem(next.alpha, next.windows);
  if (problem) throw new AppError("INVALID", `body.${changes.alpha === undefined ? "windows" : "alpha"}: ${problem}`);
  if (providerConfig === null) next.providerConfig = null;
  else if (providerConfig) {
    await assertOutboundUrl(providerConfig.baseUrl, "body.providerConfig.baseUrl");
    const keep = current.providerConfig?.apiKeyEncrypted ?? null;
    next.providerConfig = {
      baseUrl: providerConfig.baseUrl.replace(/\/+$/, ""),
      model: providerConfig.model,
      apiKeyEncrypted: providerConfig.apiKey === undefined ? keep : providerConfig.apiKey === null ? null : encryptSecret(providerConfig.apiKey),
    };
  }
  const value = toJsonValue(next);
  await db.projectSettings.upsert({ where: { projectId }, create: { projectId, embeddingSettings: value }, update: { embeddingSettings: value } });
  return next;
}
