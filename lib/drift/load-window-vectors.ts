import "server-only";
import { decodeVectorInto } from "../embeddings/vector-codec";
import { sqlPool } from "../db-sql-pool";
import { normalizeRows, type VectorSet } from "./math/vector-set";
import { spanFilterSql } from "./span-filter-sql";

export type DriftFilters = { environment?: string; model?: string; promptName?: string; promptVersion?: number };
export type LoadedVectors = VectorSet & { traceIds: string[]; spanIds: string[]; total: number };

/**
 * Vectors of one project, field and embedding model with span start in [from, to), at most
 * `cap` of them: a deterministic sample (ordered by a hash of the span id) when the window
 * holds more, so a report is reproducible and its memory bounded. `total` is the full count.
 * Vectors come back L2-normalised. Filters on span attributes join spans; without filters only the embeddings index is read.
 */
export async function loadWindowVectors(args: { projectId: string; field: string; model: string; from: Date; to: Date; filters?: DriftFilters | null; cap?: number }): Promise<LoadedVectors> {
  const params: unknown[] = [args.projectId, args.model, args.field, args.from, args.to];
  const where = spanFilterSql(args.filters, params);
  const join = where.length ? `join spans s on s.project_id = e.project_id and s.trace_id = e.trace_id and s.id = e.span_id and ${where.join(" and ")}` : "";
  const base = `from embeddings e ${join} where e.project_id = $1 and e.model = $2 and e.field = $3 and e.span_start_time >= $4 and e.span_start_time < $5`;
  const pool = sqlPool();
  const total = (await pool.query<{ n: number }>(`select count(*)::int as n ${base}`, params)).rows[0]!.n;
  params.push(args.cap ?? 5_000);
  const rows = (await pool.query<{ trace_id: string; span_id: string; dimension: number; vector: Buffer }>(
    `select e.trace_id, e.span_id, e.dimension, e.vector ${base} order by hashtext(e.span_id), e.trace_id limit $${params.length}`,
    params,
  )).rows;
  const dim = rows[0]?.dimension ?? 0;
  const data = new Float32Array(rows.length * dim);
  rows.forEach((r, i) => decodeVectorInto(r.vector, data, i * dim));
  // Drift compares centroids of unit vectors (as Phoenix does); client vectors may not be unit.
  normalizeRows({ data, n: rows.length, dim });
  return { data, n: rows.length, dim, traceIds: rows.map((r) => r.trace_id), spanIds: rows.map((r) => r.span_id), total };
}
