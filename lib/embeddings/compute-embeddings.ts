import "server-only";
import { embedOffline, fitIdf, idfFromBytes, idfToBytes, type IdfTable, OFFLINE_DIM, offlineModelName } from "../drift/offline-embedder";
import { embeddingSettings } from "../drift/settings";
import { ingestPool } from "../ingest/pg-pool";
import type { EmbeddingField, StoredEmbeddingSettings } from "../schemas/drift";
import { embedWithProvider, type ProviderConfig } from "./provider-client";
import { decryptSecret } from "./secret-box";
import { spanText } from "./span-text";
import { encodeVector } from "./vector-codec";

/**
 * The worker's embedding pass: for each field the project embeds, find LLM spans of the last
 * `sinceDays` that have no vector for the project's current model yet (newest first, keyset
 * pages) and embed their text — offline by default, or with the configured provider.
 * Idempotent (the embeddings key makes a rerun a no-op) and bounded per call by `limit`.
 */
export type ComputeResult = { field: EmbeddingField; model: string; embedded: number; skipped: number };
type Embedder = { model: string; source: "offline" | "provider"; batch: number; embed: (texts: string[]) => Promise<number[][] | Float32Array[]> };

const IDF_SAMPLE = 2_000;

export async function computeMissingEmbeddings(projectId: string, options: { limit?: number; sinceDays?: number; now?: Date; settings?: StoredEmbeddingSettings } = {}): Promise<ComputeResult[]> {
  const settings = options.settings ?? (await embeddingSettings(projectId));
  if (settings.provider === "none") return [];
  const now = options.now ?? new Date();
  const since = new Date(now.getTime() - (options.sinceDays ?? 35) * 86_400_000);
  const results: ComputeResult[] = [];
  for (const field of settings.fields) {
    const embedder = settings.provider === "offline" ? await offlineEmbedder(projectId, field, since) : await providerEmbedder(projectId, settings);
    if (!embedder) continue;
    results.push(await embedField(projectId, field, embedder, since, options.limit ?? 20_000));
  }
  return results;
}

async function embedField(projectId: string, field: EmbeddingField, embedder: Embedder, since: Date, limit: number): Promise<ComputeResult> {
  const pool = ingestPool();
  let embedded = 0;
  let skipped = 0;
  // Newest first by start time alone, so the spans index (project_id, start_time) serves the
  // order and the scan stops at the page size. "Already embedded?" is a correlated subquery
  // with LIMIT 1 on purpose: Postgres runs it per candidate row as a primary-key probe, where
  // NOT EXISTS may become an anti-join that re-reads the project's embeddings for every page
  // (it did right after bulk loads, with stale statistics: 1 s per page). Rows just embedded
  // drop out, so the cursor is inclusive; a page with nothing to embed moves it strictly past.
  let cursor = new Date(Date.now() + 366 * 86_400_000);
  let strict = false;
  while (embedded + skipped < limit) {
    const page: { rows: { trace_id: string; id: string; start_time: Date; value: unknown }[] } = await pool.query(
      `select s.trace_id, s.id, s.start_time, s.${field} as value from spans s
       where s.project_id = $1 and s.kind = 'llm' and s.start_time >= $2 and s.${field} is not null
         and (s.start_time < $4 or (not $5 and s.start_time = $4))
         and (select count(*) from (select 1 from embeddings e where e.project_id = s.project_id and e.trace_id = s.trace_id
                                    and e.span_id = s.id and e.field = $3 and e.model = $6
                                    and e.span_start_time = s.start_time limit 1) as hit) = 0
       order by s.start_time desc limit $7`,
      [projectId, since, field, cursor, strict, embedder.model, Math.min(embedder.batch, limit - embedded - skipped)],
    );
    if (!page.rows.length) break;
    const rows = page.rows.map((r) => ({ ...r, text: spanText(r.value, field) })).filter((r) => r.text !== "");
    skipped += page.rows.length - rows.length;
    cursor = page.rows[page.rows.length - 1]!.start_time;
    strict = rows.length === 0;
    if (!rows.length) continue;
    const vectors = await embedder.embed(rows.map((r) => r.text));
    await pool.query(
      `insert into embeddings (project_id, trace_id, span_id, field, model, dimension, vector, source, span_start_time)
       select $1, t.trace_id, t.span_id, $2, $3, t.dimension, t.vector, $4, t.start_time
       from unnest($5::text[], $6::text[], $7::int[], $8::bytea[], $9::timestamptz[]) as t(trace_id, span_id, dimension, vector, start_time)
       order by 2, 3 on conflict do nothing`,
      [projectId, field, embedder.model, embedder.source, rows.map((r) => r.trace_id), rows.map((r) => r.id), vectors.map((v) => v.length), vectors.map((v) => encodeVector(v)), rows.map((r) => r.start_time)],
    );
    embedded += rows.length;
  }
  return { field, model: embedder.model, embedded, skipped };
}

/**
 * The project's offline model for a field: its IDF table is fitted once on the field's
 * earliest texts (up to 2,000, in start-time order, so refits are reproducible) and frozen.
 */
async function offlineEmbedder(projectId: string, field: EmbeddingField, since: Date): Promise<Embedder | null> {
  const idf = await offlineIdf(projectId, field, since);
  if (!idf) return null;
  return { model: offlineModelName(idf), source: "offline", batch: 1_000, embed: async (texts) => texts.map((t) => embedOffline(t, idf)) };
}

export async function offlineIdf(projectId: string, field: EmbeddingField, since = new Date(0)): Promise<IdfTable | null> {
  const pool = ingestPool();
  const existing = await pool.query<{ idf: Buffer }>(
    `select idf from embedding_models where project_id = $1 and source = 'offline' and field = $2 and idf is not null order by created_at, model limit 1`,
    [projectId, field],
  );
  if (existing.rows[0]) return idfFromBytes(existing.rows[0].idf);
  const sample = await pool.query<{ value: unknown }>(
    `select s.${field} as value from spans s where s.project_id = $1 and s.kind = 'llm' and s.start_time >= $2 and s.${field} is not null
     order by s.start_time, s.trace_id, s.id limit $3`,
    [projectId, since, IDF_SAMPLE],
  );
  const texts = sample.rows.map((r) => spanText(r.value, field)).filter((t) => t !== "");
  if (!texts.length) return null;
  const fitted = idfFromBytes(idfToBytes(fitIdf(texts)));
  await pool.query(
    `insert into embedding_models (project_id, model, dimension, source, field, idf) values ($1, $2, $3, 'offline', $4, $5) on conflict do nothing`,
    [projectId, offlineModelName(fitted), OFFLINE_DIM, field, idfToBytes(fitted)],
  );
  // A concurrent worker may have stored its table first; use whichever won.
  const winner = await pool.query<{ idf: Buffer }>(
    `select idf from embedding_models where project_id = $1 and source = 'offline' and field = $2 and idf is not null order by created_at, model limit 1`,
    [projectId, field],
  );
  return idfFromBytes(winner.rows[0]!.idf);
}

async function providerEmbedder(projectId: string, settings: StoredEmbeddingSettings): Promise<Embedder | null> {
  const c = settings.providerConfig;
  if (!c) return null;
  const config: ProviderConfig = { baseUrl: c.baseUrl, model: c.model, apiKey: c.apiKeyEncrypted ? decryptSecret(c.apiKeyEncrypted) : null };
  const pool = ingestPool();
  const known = await pool.query<{ dimension: number }>(`select dimension from embedding_models where project_id = $1 and model = $2`, [projectId, c.model]);
  let dimension: number | null = known.rows[0]?.dimension ?? null;
  return {
    model: c.model,
    source: "provider",
    batch: 64,
    embed: async (texts) => {
      const vectors = await embedWithProvider(config, texts, { expectedDimension: dimension });
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
