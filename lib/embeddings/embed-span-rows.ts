import "server-only";
import { sqlPool } from "../db-sql-pool";
import type { EmbeddingField } from "../schemas/drift";
import { spanText } from "./span-text";
import { encodeVector } from "./vector-codec";
import type { Embedder } from "./worker-embedder";

export type SpanCandidate = { trace_id: string; id: string; start_time: Date; value: unknown };

/**
 * "Already embedded?" for a span `s`, as SQL: a correlated subquery with LIMIT 1 on purpose.
 * Postgres runs it per candidate row as a primary-key probe, where NOT EXISTS may become an
 * anti-join that re-reads the project's embeddings for every page (it did right after bulk
 * loads, with stale statistics: 1 s per page). `$field` and `$model` are parameter numbers.
 */
export const hasNoVector = (field: number, model: number) =>
  `(select count(*) from (select 1 from embeddings e where e.project_id = s.project_id and e.trace_id = s.trace_id
     and e.span_id = s.id and e.field = $${field} and e.model = $${model} and e.span_start_time = s.start_time limit 1) as hit) = 0`;

/** Embeds the candidates that have text and stores their vectors (a rerun is a no-op: the key). */
export async function embedSpanRows(projectId: string, field: EmbeddingField, embedder: Embedder, candidates: SpanCandidate[]) {
  const rows = candidates.map((r) => ({ ...r, text: spanText(r.value, field) })).filter((r) => r.text !== "");
  if (rows.length) {
    const vectors = await embedder.embed(rows.map((r) => r.text));
    await sqlPool().query(
      `insert into embeddings (project_id, trace_id, span_id, field, model, dimension, vector, source, span_start_time)
       select $1, t.trace_id, t.span_id, $2, $3, t.dimension, t.vector, $4, t.start_time
       from unnest($5::text[], $6::text[], $7::int[], $8::bytea[], $9::timestamptz[]) as t(trace_id, span_id, dimension, vector, start_time)
       order by 2, 3 on conflict do nothing`,
      [projectId, field, embedder.model, embedder.source, rows.map((r) => r.trace_id), rows.map((r) => r.id), vectors.map((v) => v.length), vectors.map((v) => encodeVector(v)), rows.map((r) => r.start_time)],
    );
  }
  return { embedded: rows.length, skipped: candidates.length - rows.length };
}
