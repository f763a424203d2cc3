import type { EmbeddingSettingsView, StoredEmbeddingSettings } from "../schemas/drift";

/** What the API shows of the settings: never the encrypted key, only whether one is stored. */
export function settingsView(s: StoredEmbeddingSettings): EmbeddingSettingsView {
  const { providerConfig, ...rest } = s;
  return { ...rest, providerConfig: providerConfig && { baseUrl: providerConfig.baseUrl, model: providerConfig.model, hasApiKey: providerConfig.apiKeyEncrypted !== null } };
}
