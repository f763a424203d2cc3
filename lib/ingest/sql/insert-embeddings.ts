import { encodeVector, meanOfNormalized } from "../../embeddings/vector-codec";
import type { SpanRow } from "../rows";

/**
 * Client-sent vectors, in the ingest transaction. The first vector of a model fixes its
 * dimension in embedding_models; rows of another dimension are skipped here (requests were
 * already checked — this only settles a race between two first requests for a new model).
 * Retries are idempotent: (project, trace, span, field, model) is the key.
 */
export const INSERT_EMBEDDINGS_SQL = `
with input as (
  select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::bytea[], $8::timestamptz[])
    as t(project_id, trace_id, span_id, field, model, dimension, vector, span_start_time)
),
new_models as (
  insert into embedding_models (project_id, model, dimension, source)
  select distinct on (project_id, model) project_id, model, dimension, 'client' from input order by project_id, model
  on conflict do nothing
  returning project_id, model, dimension
),
known as (
  select project_id, model, dimension from new_models
  union all
  select m.project_id, m.model, m.dimension from embedding_models m where (m.project_id, m.model) in (select project_id, model from input)
),
inserted as (
  insert into embeddings (project_id, trace_id, span_id, field, model, dimension, vector, source, span_start_time)
  select i.project_id, i.trace_id, i.span_id, i.field, i.model, i.dimension, i.vector, 'client', i.span_start_time
  from input i where exists (select 1 from known k where k.project_id = i.project_id and k.model = i.model and k.dimension = i.dimension)
  order by 1, 2, 3, 4, 5
  on conflict do nothing
  returning 1
)
select (select count(*) from inserted)::int as inserted`;

export function hasEmbeddings(rows: readonly SpanRow[]): boolean {
  return rows.some((r) => r.embeddings?.length);
}

export function insertEmbeddingsParams(rows: readonly SpanRow[]): unknown[][] {
  const cols: unknown[][] = [[], [], [], [], [], [], [], []];
  for (const r of rows) {
    // One vector per (field, model): several (an embedding span of N texts) are averaged.
    const groups = new Map<string, { field: string; model: string; vectors: number[][] }>();
    for (const e of r.embeddings ?? []) {
      const key = `${e.field}\u0000${e.model}`;
      const g = groups.get(key) ?? { field: e.field, model: e.model, vectors: [] };
      if (g.vectors.length === 0 || g.vectors[0]!.length === e.vector.length) g.vectors.push(e.vector);
      groups.set(key, g);
    }
    for (const g of groups.values()) {
      const vector = g.vectors.length === 1 ? g.vectors[0]! : meanOfNormalized(g.vectors);
      const values = [r.projectId, r.traceId, r.id, g.field, g.model, vector.length, encodeVector(vector), r.startTime];
      values.forEach((v, i) => cols[i]!.push(v));
    }
  }
  return cols;
}
