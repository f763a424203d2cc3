import "server-only";
import { db } from "../db";
import { encryptSecret } from "../embeddings/secret-box";
import { toJsonValue } from "../json";
import type { StoredEmbeddingSettings, UpdateEmbeddingSettings } from "../schemas/drift";
import { assertOutboundUrl } from "../security/outbound";
import { embeddingSettings, stripUndefined } from "./embedding-settings";

/** Merges `changes` into the stored settings; a provider API key is stored encrypted, and kept when omitted. */
export async function updateEmbeddingSettings(options: { projectId: string; changes: UpdateEmbeddingSettings }): Promise<StoredEmbeddingSettings> {
  const { projectId, changes } = options;
  const current = await embeddingSettings({ projectId });
  const { providerConfig, ...rest } = changes;
  const next: StoredEmbeddingSettings = { ...current, ...stripUndefined(rest) };
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
