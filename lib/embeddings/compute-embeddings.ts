import "server-only";
import { embedOffline, offlineModelName } from "../drift/math/offline-embedder";
import { embeddingSettings } from "../drift/embedding-settings";
import { sqlPool } from "../db-sql-pool";
import type { EmbeddingField, StoredEmbeddingSettings } from "../schemas/drift";
import { embedWithProvider, type ProviderConfig } from "./provider-client";
import { offlineIdf } from "./offline-idf";
import { decryptSecret } from "./secret-box";
import { spanText } from "./span-text";
import { encodeVector } from "./vector-codec";

/**
 * The worker's embedding pass: for each field the project embeds, find LLM spans of the last
 * `sinceDays` that have no vector for the project's current model yet (newest first, keyset
 * pages) and embed their text — offline by default, or with the configured provider.
 * Idempotent (the embeddings key makes a rerun a no-op) and bounded per call by `limit`.
 *
 * A watermark per field and model (embedding_progress) keeps the steady state cheap: a pass
 * walks only down to an hour before the point up to which the last completed pass found
 * everything embedded, instead of probing every span of the window. Spans ingested later than
 * that margin are found by a full sweep of the window, at least daily.
 */
export type ComputeResult = {
  field: EmbeddingField;
  model: string;
  embedded: number;
  skipped: number;
  /** Whether this pass walked the whole window (no or stale watermark) or only recent spans. */
  sweep: boolean;
  /** The oldest start time the pass looked at: every span from here up was probed. */
  scannedFrom: Date;
  /** Whether the pass got through its range without hitting `limit` (and so moved the watermark). */
  complete: boolean;
};
type Embedder = { model: string; source: "offline" | "provider"; batch: number; embed: (texts: string[]) => Promise<number[][] | Float32Array[]> };
type Progress = { completeFrom: Date; completeBefore: Date; sweptAt: Date };

/** Spans are usually ingested within minutes of starting; later ones wait for the sweep. */
const LATE_MARGIN_MS = 3_600_000;
/** Ingest transactions still open when a pass starts may commit spans just below its start. */
const IN_FLIGHT_MS = 60_000;
const SWEEP_EVERY_MS = 86_400_000;

export async function computeMissingEmbeddings(options: { projectId: string; limit?: number; sinceDays?: number; now?: Date; settings?: StoredEmbeddingSettings }): Promise<ComputeResult[]> {
  const { projectId } = options;
  const settings = options.settings ?? (await embeddingSettings({ projectId }));
  if (settings.provider === "none") return [];
  const now = options.now ?? new Date();
  const since = new Date(now.getTime() - (options.sinceDays ?? 35) * 86_400_000);
  const results: ComputeResult[] = [];
  for (const field of settings.fields) {
    const embedder = settings.provider === "offline" ? await offlineEmbedder(projectId, field, since) : await providerEmbedder(projectId, settings);
    if (!embedder) continue;
    results.push(await embedField(projectId, field, embedder, { since, now, limit: options.limit ?? 20_000 }));
  }
  return results;
}

async function embedField(projectId: string, field: EmbeddingField, embedder: Embedder, pass: { since: Date; now: Date; limit: number }): Promise<ComputeResult> {
  const { since, now, limit } = pass;
  const progress = await readProgress(projectId, field, embedder.model);
  const sweep = needsSweep(progress, since, now);
  const scannedFrom = sweep || !progress ? since : new Date(Math.max(since.getTime(), progress.completeBefore.getTime() - LATE_MARGIN_MS));
  // The walk sees what was committed when it started, and `now` may be a caller's simulated
  // clock: the earlier of the two is the most the walk can vouch for.
  const completeBefore = new Date(Math.min(now.getTime(), Date.now()) - IN_FLIGHT_MS);
  const walked = await embedMissing(projectId, field, embedder, scannedFrom, limit);
  // Hitting the limit leaves older spans unvisited: the watermark stays and the next pass
  // resumes (the rows just embedded drop out of its query).
  if (walked.complete) {
    if (sweep) await saveSweep(projectId, field, embedder.model, { completeFrom: since, completeBefore, sweptAt: now });
    else await advanceWatermark(projectId, field, embedder.model, completeBefore);
  }
  return { field, model: embedder.model, ...walked, sweep, scannedFrom };
}

/** A sweep when nothing vouches for the window's older spans, or the last one is a day old. */
function needsSweep(progress: Progress | null, since: Date, now: Date): boolean {
  if (!progress) return true;
  return progress.completeFrom > since || now.getTime() - progress.sweptAt.getTime() >= SWEEP_EVERY_MS;
}

async function embedMissing(projectId: string, field: EmbeddingField, embedder: Embedder, from: Date, limit: number) {
  const pool = sqlPool();
  let embedded = 0;
  let skipped = 0;
  let complete = false;
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
      [projectId, from, field, cursor, strict, embedder.model, Math.min(embedder.batch, limit - embedded - skipped)],
    );
    if (!page.rows.length) {
      complete = true;
      break;
    }
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
  return { embedded, skipped, complete };
}

async function readProgress(projectId: string, field: EmbeddingField, model: string): Promise<Progress | null> {
  const res = await sqlPool().query<{ complete_from: Date; complete_before: Date; swept_at: Date }>(
    `select complete_from, complete_before, swept_at from embedding_progress where project_id = $1 and field = $2 and model = $3`,
    [projectId, field, model],
  );
  const row = res.rows[0];
  return row ? { completeFrom: row.complete_from, completeBefore: row.complete_before, sweptAt: row.swept_at } : null;
}

async function saveSweep(projectId: string, field: EmbeddingField, model: string, p: Progress) {
  await sqlPool().query(
    `insert into embedding_progress (project_id, field, model, complete_from, complete_before, swept_at) values ($1, $2, $3, $4, $5, $6)
     on conflict (project_id, field, model) do update set complete_from = excluded.complete_from, complete_before = excluded.complete_before, swept_at = excluded.swept_at`,
    [projectId, field, model, p.completeFrom, p.completeBefore, p.sweptAt],
  );
}

/** Never backwards: a concurrent pass that started later may already have moved it further. */
async function advanceWatermark(projectId: string, field: EmbeddingField, model: string, completeBefore: Date) {
  await sqlPool().query(
    `update embedding_progress set complete_before = greatest(complete_before, $4) where project_id = $1 and field = $2 and model = $3`,
    [projectId, field, model, completeBefore],
  );
}

/** The project's offline model for a field, named after its frozen IDF table. */
async function offlineEmbedder(projectId: string, field: EmbeddingField, since: Date): Promise<Embedder | null> {
  const idf = await offlineIdf({ projectId, field, since });
  if (!idf) return null;
  return { model: offlineModelName(idf), source: "offline", batch: 1_000, embed: async (texts) => texts.map((t) => embedOffline(t, idf)) };
}

async function providerEmbedder(projectId: string, settings: StoredEmbeddingSettings): Promise<Embedder | null> {
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
      const vectors = await embedWithProvider({ config, texts, expectedDimension: dimension });
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
