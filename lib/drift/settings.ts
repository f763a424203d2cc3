import "server-only";
import { db } from "../db";
import { encryptSecret } from "../embeddings/secret-box";
import { toJsonValue } from "../json";
import { assertOutboundUrl } from "../security/outbound";
import {
  DEFAULT_EMBEDDING_SETTINGS, type EmbeddingSettingsView, type StoredEmbeddingSettings, storedEmbeddingSettingsSchema, type UpdateEmbeddingSettings,
} from "../schemas/drift";

/** A project's embedding/drift settings with defaults for anything unset. */
export async function embeddingSettings(projectId: string): Promise<StoredEmbeddingSettings> {
  const row = await db.projectSettings.findUnique({ where: { projectId }, select: { embeddingSettings: true } });
  const parsed = storedEmbeddingSettingsSchema.partial().safeParse(row?.embeddingSettings ?? {});
  return { ...DEFAULT_EMBEDDING_SETTINGS, ...(parsed.success ? stripUndefined(parsed.data) : {}) };
}

export function settingsView(s: StoredEmbeddingSettings): EmbeddingSettingsView {
  const { providerConfig, ...rest } = s;
  return { ...rest, providerConfig: providerConfig && { baseUrl: providerConfig.baseUrl, model: providerConfig.model, hasApiKey: providerConfig.apiKeyEncrypted !== null } };
}

export async function updateEmbeddingSettings(projectId: string, body: UpdateEmbeddingSettings): Promise<StoredEmbeddingSettings> {
  const current = await embeddingSettings(projectId);
  const { providerConfig, ...rest } = body;
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

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
