import "server-only";
import { writeAuditLog } from "../audit/write-audit-log";
import { db } from "../db";
import { AppError } from "../errors";
import { encryptSecret } from "../embeddings/secret-box";
import { toJsonValue } from "../json";
import type { StoredEmbeddingSettings, UpdateEmbeddingSettings } from "../schemas/drift";
import { assertOutboundUrl } from "../security/outbound";
import { embeddingSettings, stripUndefined } from "./embedding-settings";
import { alphaWindowsProblem } from "./math/decide";

/**
 * Merges `changes` into the stored settings; a provider API key is stored encrypted, and kept
 * when omitted — but only for the same base URL: a stored key is never sent to a new host, so
 * changing the URL requires the key again (or `apiKey: null`). Every change is audited, with
 * the provider's URL, model and whether a key is set, never the key.
 */
export async function updateEmbeddingSettings(options: { project: { id: string; orgId: string }; actorUserId: string; changes: UpdateEmbeddingSettings }): Promise<StoredEmbeddingSettings> {
  const { project, changes } = options;
  const projectId = project.id;
  const current = await embeddingSettings({ projectId });
  const { providerConfig, ...rest } = changes;
  const next: StoredEmbeddingSettings = { ...current, ...stripUndefined(rest) };
  // The body schema checks alpha × windows when both are sent; one alone is checked against the stored other.
  const problem = alphaWindowsProblem(next.alpha, next.windows);
  if (problem) throw new AppError("INVALID", `body.${changes.alpha === undefined ? "windows" : "alpha"}: ${problem}`);
  if (providerConfig === null) next.providerConfig = null;
  else if (providerConfig) {
    await assertOutboundUrl(providerConfig.baseUrl, "body.providerConfig.baseUrl");
    const baseUrl = providerConfig.baseUrl.replace(/\/+$/, "");
    const keep = current.providerConfig?.apiKeyEncrypted ?? null;
    if (providerConfig.apiKey === undefined && keep !== null && current.providerConfig?.baseUrl !== baseUrl) {
      throw new AppError("INVALID", `body.providerConfig.apiKey: required when the base URL changes (from ${current.providerConfig?.baseUrl} to ${baseUrl}); the stored key is never sent to another host`);
    }
    next.providerConfig = {
      baseUrl,
      model: providerConfig.model,
      apiKeyEncrypted: providerConfig.apiKey === undefined ? keep : providerConfig.apiKey === null ? null : encryptSecret(providerConfig.apiKey),
    };
  }
  const value = toJsonValue(next);
  const audited = (s: StoredEmbeddingSettings) => toJsonValue({ ...s, providerConfig: s.providerConfig && { baseUrl: s.providerConfig.baseUrl, model: s.providerConfig.model, hasApiKey: s.providerConfig.apiKeyEncrypted !== null } });
  await db.$transaction(async (tx) => {
    await tx.projectSettings.upsert({ where: { projectId }, create: { projectId, embeddingSettings: value }, update: { embeddingSettings: value } });
    await writeAuditLog(tx, {
      orgId: project.orgId, projectId, actorUserId: options.actorUserId, action: "project.embedding_settings.update", resourceType: "project", resourceId: projectId,
      before: audited(current), after: audited(next),
    });
  });
  return next;
}
