import "server-only";
import { sqlPool } from "../db-sql-pool";
import type { EmbeddingField } from "../schemas/drift";
import { embedSpanRows, hasNoVector, type SpanCandidate } from "./embed-span-rows";
import { type ArrivalKey, compareArrival, fromMicros, toMicros } from "./embedding-progress";
import type { Embedder } from "./worker-embedder";

/**
 * Embeds LLM spans that arrived after `after` (in (ingested_at, trace_id, id) order) and started
 * at or after `from`, at most `limit` of them, oldest arrival first. The partial index
 * spans_llm_arrival serves the range and the order, so a pass reads only what arrived since the
 * last one, whatever its start time: a backfill of last week is as new as a span of this minute.
 * Returns the last arrival key the walk got past (all spans up to it that need a vector have one).
 */
export async function embedByArrival(options: { projectId: string; field: EmbeddingField; embedder: Embedder; after: ArrivalKey; from: Date; limit: number }) {
  const { projectId, field, embedder, from, limit } = options;
  const pool = sqlPool();
  let embedded = 0;
  let skipped = 0;
  let complete = false;
  let cursor = options.after;
  while (embedded + skipped < limit) {
    const size = Math.min(embedder.batch, limit - embedded - skipped);
    // Spans that already have a vector (sent by the client, or embedded by "compute now") are
    // passed over inside the query; the cursor then jumps over them with the page's last row.
    const page = await pool.query<SpanCandidate & { us: string }>(
      `select s.trace_id, s.id, s.start_time, ${toMicros("s.ingested_at")} as us, s.${field} as value from spans s
       where s.project_id = $1 and s.kind = 'llm' and (s.ingested_at, s.trace_id, s.id) > (${fromMicros("$2")}, $3::text, $4::text)
         and s.start_time >= $5 and s.${field} is not null and ${hasNoVector(6, 7)}
       order by s.ingested_at, s.trace_id, s.id limit $8`,
      [projectId, cursor.us.toString(), cursor.traceId, cursor.spanId, from, field, embedder.model, size],
    );
    if (page.rows.length) {
      const done = await embedSpanRows(projectId, field, embedder, page.rows);
      embedded += done.embedded;
      skipped += done.skipped;
      const last = page.rows[page.rows.length - 1]!;
      const next = { us: BigInt(last.us), traceId: last.trace_id, spanId: last.id };
      if (compareArrival(next, cursor) <= 0) throw new Error("embedding arrival walk did not advance");
      cursor = next;
    }
    // A short page means the index range is exhausted: everything after `after` was visited.
    if (page.rows.length < size) {
      complete = true;
      break;
    }
  }
  return { embedded, skipped, complete, reached: cursor };
}
