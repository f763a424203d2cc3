import "server-only";
import { sqlPool } from "../db-sql-pool";
import type { EmbeddingField } from "../schemas/drift";
import { embedSpanRows, hasNoVector, type SpanCandidate } from "./embed-span-rows";
import type { Embedder } from "./worker-embedder";

/**
 * Embeds LLM spans that started in [from, to) and have no vector of the embedder's model,
 * newest first, at most `limit` of them: the full walk of a window (a new model, an older window
 * than the watermark vouches for) and "compute now" filling its report's windows. Newest first
 * by start time alone, so the spans index (project_id, start_time) serves the order and the scan
 * stops at the page size. Rows just embedded drop out, so the cursor is inclusive; a page with
 * nothing to embed (no text) moves it strictly past.
 */
export async function embedByStartTime(options: { projectId: string; field: EmbeddingField; embedder: Embedder; from: Date; to?: Date; limit: number }) {
  const { projectId, field, embedder, from, limit } = options;
  const pool = sqlPool();
  let embedded = 0;
  let skipped = 0;
  let complete = false;
  let cursor = options.to ?? new Date(Date.now() + 366 * 86_400_000);
  let strict = options.to !== undefined;
  while (embedded + skipped < limit) {
    const page = await pool.query<SpanCandidate>(
      `select s.trace_id, s.id, s.start_time, s.${field} as value from spans s
       where s.project_id = $1 and s.kind = 'llm' and s.start_time >= $2 and s.${field} is not null
         and (s.start_time < $4 or (not $5 and s.start_time = $4)) and ${hasNoVector(3, 6)}
       order by s.start_time desc limit $7`,
      [projectId, from, field, cursor, strict, embedder.model, Math.min(embedder.batch, limit - embedded - skipped)],
    );
    if (!page.rows.length) {
      complete = true;
      break;
    }
    const done = await embedSpanRows(projectId, field, embedder, page.rows);
    embedded += done.embedded;
    skipped += done.skipped;
    cursor = page.rows[page.rows.length - 1]!.start_time;
    strict = done.embedded === 0;
  }
  return { embedded, skipped, complete };
}
