import "server-only";
import { fitIdf, idfFromBytes, idfToBytes, type IdfTable, OFFLINE_DIM, offlineModelName } from "../drift/math/offline-embedder";
import { sqlPool } from "../db-sql-pool";
import type { EmbeddingField } from "../schemas/drift";
import { spanText } from "./span-text";

const IDF_SAMPLE = 2_000;

/**
 * The project's IDF table for a field's offline model: fitted once on the field's earliest texts
 * (up to 2,000, in start-time order, so refits are reproducible) and frozen in embedding_models.
 */
export async function offlineIdf(options: { projectId: string; field: EmbeddingField; since?: Date }): Promise<IdfTable | null> {
  const { projectId, field } = options;
  const since = options.since ?? new Date(0);
  const pool = sqlPool();
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
