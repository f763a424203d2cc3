import "server-only";
import { embedOffline, offlineModelName } from "../drift/math/offline-embedder";
import { sqlPool } from "../db-sql-pool";
import type { EmbeddingField, StoredEmbeddingSettings } from "../schemas/drift";
import { type EmbedOptions, embedWithProvider, type ProviderConfig } from "./provider-client";
import { offlineIdf } from "./offline-idf";
import { decryptSecret } from "./secret-box";

export type Embedder = { model: string; source: "offline" | "provider"; batch: number; embed: (texts: string[]) => Promise<number[][] | Float32Array[]> };

/**
 * The embedder the worker uses for a field under the project's settings: the offline model
 * (named after the project's frozen IDF table, fitted on first use) or the configured provider.
 * Null when the project embeds nothing itself, or has no text yet to fit the IDF table on.
 */
export async function workerEmbedder(options: { projectId: string; field: EmbeddingField; settings: StoredEmbeddingSettings; since?: Date }): Promise<Embedder | null> {
  const { projectId, field, settings } = options;
  if (settings.provider === "none") return null;
  return settings.provider === "offline" ? offlineEmbedder(projectId, field, options.since ?? new Date(0)) : providerEmbedder(projectId, settings);
}

async function offlineEmbedder(projectId: string, field: EmbeddingField, since: Date): Promise<Embedder | null> {
  const idf = await offlineIdf({ projectId, field, since });
  if (!idf) return null;
  return { model: offlineModelName(idf), source: "offline", batch: 1_000, embed: async (texts) => texts.map((t) => embedOffline(t, idf)) };
}

/**
 * The project's configured embeddings provider (settings.providerConfig), whatever the drift
 * `provider` switch says: regression runs use it too (embedding_similarity with embedder
 * "provider"). Null when none is configured. Calls go through the outbound guard.
 */
export async function providerEmbedder(projectId: string, settings: StoredEmbeddingSettings, options: Omit<EmbedOptions, "expectedDimension"> = {}): Promise<Embedder | null> {
  const c = settings.providerConfig;
  if (!c) return null;
  const config: ProviderConfig = { baseUrl: c.baseUrl, model: c.model, apiKey: c.apiKeyEncrypted ? decryptSecret(c.apiKeyEncrypted) : null };
  const pool = sqlPool();
  const known = await pool.query<{ dimension: number }>(`select dimension from embedding_models where project_id = $1 and model = $2`, [projectId, c.model]);
  let dimension: number | null = known.rows[0]?.dimension ?? null;
  return {
    model: c.model,
    source: "provider",
    batch: 64,
    embed: async (texts) => {
      const vectors = await embedWithProvider({ ...options, config, texts, expectedDimension: dimension });
      if (dimension === null) {
        dimension = vectors[0]!.length;
        await pool.query(`insert into embedding_models (project_id, model, dimension, source) values ($1, $2, $3, 'provider') on conflict do nothing`, [projectId, c.model, dimension]);
        const stored = await pool.query<{ dimension: number }>(`select dimension from embedding_models where project_id = $1 and model = $2`, [projectId, c.model]);
        if (stored.rows[0]!.dimension !== dimension) throw new Error(`provider model "${c.model}" returned ${dimension}-dimensional vectors but the project stores ${stored.rows[0]!.dimension} for it`);
      }
      return vectors;
    },
  };
}
