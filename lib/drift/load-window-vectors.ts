import "server-only";
import { decodeVectorInto } from "../embeddings/vector-codec";
import { sqlPool } from "../db-sql-pool";
import type { WindowUnits } from "./math/drift-series";
import { type DriftUnit, toUnits } from "./math/units";
import { normalizeRows } from "./math/vector-set";
import { spanFilterSql } from "./span-filter-sql";

export type DriftFilters = { environment?: string; model?: string; promptName?: string; promptVersion?: number };
export type LoadedVectors = WindowUnits;

/**
 * One vector per unit (trace or session) of one project, field and embedding model, from the
 * vectors of spans starting in [from, to): at most `cap` units, a deterministic sample (ordered
 * by a hash of the unit key, so every span of a sampled unit comes along) when the period holds
 * more; `total` is the full unit count. Span vectors are L2-normalised, then `toUnits` dedupes,
 * averages and normalises them per unit. Session units join traces for the session id (a trace
 * without one is its own unit); filters on span attributes join spans.
 */
export async function loadWindowVectors(args: { projectId: string; field: string; model: string; unit: DriftUnit; from: Date; to: Date; filters?: DriftFilters | null; cap?: number }): Promise<LoadedVectors> {
  const params: unknown[] = [args.projectId, args.model, args.field, args.from, args.to];
  const where = spanFilterSql(args.filters, params);
  const joins = [
    where.length ? `join spans s on s.project_id = e.project_id and s.trace_id = e.trace_id and s.id = e.span_id and ${where.join(" and ")}` : "",
    args.unit === "session" ? "left join traces t on t.project_id = e.project_id and t.id = e.trace_id" : "",
  ].join(" ");
  const unitKey = args.unit === "session" ? "coalesce('s:' || t.session_id, 't:' || e.trace_id)" : "e.trace_id";
  const base = `from embeddings e ${joins} where e.project_id = $1 and e.model = $2 and e.field = $3 and e.span_start_time >= $4 and e.span_start_time < $5`;
  const pool = sqlPool();
  const total = (await pool.query<{ n: number }>(`select count(distinct ${unitKey})::int as n ${base}`, params)).rows[0]!.n;
  params.push(args.cap ?? 5_000);
  const rows = (await pool.query<{ unit: string; trace_id: string; span_id: string; dimension: number; vector: Buffer }>(
    `with units as (select unit from (select distinct ${unitKey} as unit ${base}) k order by hashtext(unit), unit limit $${params.length})
     select ${unitKey} as unit, e.trace_id, e.span_id, e.dimension, e.vector ${base} and ${unitKey} in (select unit from units)
     order by 1, e.trace_id, e.span_id`,
    params,
  )).rows;
  const dim = rows[0]?.dimension ?? 0;
  const data = new Float32Array(rows.length * dim);
  rows.forEach((r, i) => decodeVectorInto(r.vector, data, i * dim));
  // Drift compares centroids of unit vectors (as Phoenix does); client vectors may not be unit.
  normalizeRows({ data, n: rows.length, dim });
  const units = toUnits({ data, n: rows.length, dim }, rows.map((r) => r.unit));
  const first = Array.from(units.firstRow, (i) => rows[i]!);
  return { ...units, traceIds: first.map((r) => r.trace_id), spanIds: first.map((r) => r.span_id), total };
}
