import "server-only";
import { sqlPool } from "../db-sql-pool";
import type { EmbeddingField } from "../schemas/drift";

/** A position in arrival order: ingested_at in exact microseconds since the epoch, then the span's key. */
export type ArrivalKey = { us: bigint; traceId: string; spanId: string };
export type Progress = { completeFrom: Date; arrived: ArrivalKey; sweptAt: Date };

export const compareArrival = (a: ArrivalKey, b: ArrivalKey) =>
  a.us !== b.us ? (a.us < b.us ? -1 : 1) : a.traceId !== b.traceId ? (a.traceId < b.traceId ? -1 : 1) : a.spanId < b.spanId ? -1 : a.spanId > b.spanId ? 1 : 0;

/** SQL for a timestamptz as exact microseconds (JS Dates hold milliseconds), and back. */
export const toMicros = (column: string) => `(extract(epoch from ${column}) * 1000000)::bigint::text`;
export const fromMicros = (param: string) => `('epoch'::timestamptz + ${param}::bigint * interval '1 microsecond')`;

/** Ingest transactions still open when a pass starts may commit spans just below its start. */
const IN_FLIGHT = "60 seconds";
/** How far back an open transaction may hold the watermark (see arrivalCutoff). */
const MAX_HOLD = "1 hour";

/**
 * The arrival key up to which a pass may vouch. A span's ingested_at is its ingest transaction's
 * start (now()), and it becomes visible only at commit, so a transaction still open could commit
 * spans below any bound taken from the clock alone: the cutoff stays below the start of the
 * oldest transaction open in this database (and a minute below now, for one starting meanwhile).
 * An idle session holding a transaction open for hours must not make every pass re-read hours of
 * spans, so the hold is capped at an hour — an ingest transaction is one batch and lasts
 * milliseconds to seconds.
 */
export async function arrivalCutoff(): Promise<ArrivalKey> {
  const res = await sqlPool().query<{ us: string }>(
    `select ${toMicros(`greatest(least(now() - interval '${IN_FLIGHT}', coalesce((select min(xact_start) from pg_stat_activity
       where datname = current_database() and backend_type = 'client backend' and pid <> pg_backend_pid()), 'infinity')), now() - interval '${MAX_HOLD}')`)} as us`,
  );
  // The smallest key at that instant: every span ingested strictly before it is vouched for.
  return { us: BigInt(res.rows[0]!.us), traceId: "", spanId: "" };
}

export async function readProgress(projectId: string, field: EmbeddingField, model: string): Promise<Progress | null> {
  const res = await sqlPool().query<{ complete_from: Date; us: string; arrived_trace_id: string; arrived_span_id: string; swept_at: Date }>(
    `select complete_from, ${toMicros("arrived_at")} as us, arrived_trace_id, arrived_span_id, swept_at from embedding_progress
     where project_id = $1 and field = $2 and model = $3`,
    [projectId, field, model],
  );
  const row = res.rows[0];
  return row ? { completeFrom: row.complete_from, arrived: { us: BigInt(row.us), traceId: row.arrived_trace_id, spanId: row.arrived_span_id }, sweptAt: row.swept_at } : null;
}

/**
 * Stores a pass's result. A full walk replaces the row; an arrival walk only moves the watermark
 * forward (a concurrent pass that started later may already have moved it further) and raises
 * completeFrom to the pass's window start, since it skipped spans that started before that.
 */
export async function saveProgress(projectId: string, field: EmbeddingField, model: string, p: Progress & { sweep: boolean }) {
  const params = [projectId, field, model, p.completeFrom, p.arrived.us.toString(), p.arrived.traceId, p.arrived.spanId];
  if (p.sweep) {
    await sqlPool().query(
      `insert into embedding_progress (project_id, field, model, complete_from, arrived_at, arrived_trace_id, arrived_span_id, swept_at)
       values ($1, $2, $3, $4, ${fromMicros("$5")}, $6, $7, $8)
       on conflict (project_id, field, model) do update set complete_from = excluded.complete_from, arrived_at = excluded.arrived_at,
         arrived_trace_id = excluded.arrived_trace_id, arrived_span_id = excluded.arrived_span_id, swept_at = excluded.swept_at`,
      [...params, p.sweptAt],
    );
    return;
  }
  await sqlPool().query(
    `update embedding_progress set complete_from = greatest(complete_from, $4), arrived_at = ${fromMicros("$5")}, arrived_trace_id = $6, arrived_span_id = $7
     where project_id = $1 and field = $2 and model = $3 and (arrived_at, arrived_trace_id, arrived_span_id) < (${fromMicros("$5")}, $6::text, $7::text)`,
    params,
  );
}
