import "server-only";
import { sqlPool } from "../db-sql-pool";
import type { EmbeddingField, StoredEmbeddingSettings } from "../schemas/drift";

/**
 * The model the worker embeds a field with now, without fitting anything: the configured provider
 * model, or the offline model of the project's frozen IDF table (the one offlineIdf uses). Null
 * when the project embeds nothing itself or has no IDF table yet.
 */
export async function workerModelName(options: { projectId: string; field: EmbeddingField; settings: StoredEmbeddingSettings }): Promise<string | null> {
  const { projectId, field, settings } = options;
  if (settings.provider === "none") return null;
  if (settings.provider === "provider") return settings.providerConfig?.model ?? null;
  const row = await sqlPool().query<{ model: string }>(
    `select model from embedding_models where project_id = $1 and source = 'offline' and field = $2 and idf is not null order by created_at, model limit 1`,
    [projectId, field],
  );
  return row.rows[0]?.model ?? null;
}
