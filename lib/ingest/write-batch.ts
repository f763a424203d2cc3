import type pg from "pg";
import { isDatabaseUnavailable } from "../db-errors";
import type { WriteBatch } from "./rows";
import { APPLY_TRIAGE_RULES_SQL, applyTriageRulesParams } from "./sql/apply-triage-rules";
import { ATTACH_PENDING_FEEDBACK_SQL, attachPendingFeedbackParams, type PendingRow, pendingToScore } from "./sql/attach-pending-feedback";
import { hasEmbeddings, INSERT_EMBEDDINGS_SQL, insertEmbeddingsParams } from "./sql/insert-embeddings";
import { INSERT_SCORES_SQL, insertScoresParams } from "./sql/insert-scores";
import { INSERT_SPANS_SQL, insertSpansParams } from "./sql/insert-spans";
import { UPSERT_TRACES_SQL, upsertTracesParams } from "./sql/upsert-traces";

export type WriteResult = { spans: number; scores: number; attachedFeedback?: number };

/** Writes one batch in one transaction: all of it is committed, or none of it. */
export async function writeBatch(pool: pg.Pool, batch: WriteBatch, options: { timeoutMs?: number } = {}): Promise<WriteResult> {
  const conn = await pool.connect();
  // Each statement gives up after timeoutMs (a frozen or unreachable server): the caller answers 503.
  const client = options.timeoutMs ? withTimeout(conn, options.timeoutMs) : conn;
  // A connection cut between two statements must not end the process through an unhandled 'error'.
  const ignore = () => undefined;
  conn.on("error", ignore);
  let broken: unknown;
  try {
    await client.query("begin");
    if (batch.traces.length) await client.query(UPSERT_TRACES_SQL, upsertTracesParams(batch.traces));
    const spans = batch.spans.length ? (await client.query(INSERT_SPANS_SQL, insertSpansParams(batch.spans))).rows[0].inserted : 0;
    if (hasEmbeddings(batch.spans)) await client.query(INSERT_EMBEDDINGS_SQL, insertEmbeddingsParams(batch.spans));
    // Feedback that came before these traces: claimed after the traces exist, inserted with this batch's scores.
    const pendingKeys = attachPendingFeedbackParams(batch);
    const attached = pendingKeys ? (await client.query<PendingRow>(ATTACH_PENDING_FEEDBACK_SQL, pendingKeys)).rows.map(pendingToScore) : [];
    const allScores = attached.length ? [...batch.scores, ...attached] : batch.scores;
    const scores = allScores.length ? (await client.query(INSERT_SCORES_SQL, insertScoresParams(allScores))).rows[0].inserted : 0;
    // After spans and scores, so the rules see this batch's errors, flags and feedback.
    const triage = applyTriageRulesParams({ spans: batch.spans, scores: allScores });
    if (triage) await client.query(APPLY_TRIAGE_RULES_SQL, triage);
    await client.query("commit");
    return { spans, scores, attachedFeedback: attached.length };
  } catch (error) {
    // After a timeout or a lost connection the wire state is unknown: no rollback on it (Postgres
    // rolls back when the connection closes), and the connection is destroyed, not pooled.
    if (isDatabaseUnavailable(error)) broken = error;
    else await client.query("rollback").catch((e: unknown) => (broken = e));
    throw error;
  } finally {
    conn.off("error", ignore);
    conn.release(broken instanceof Error ? broken : broken === undefined ? undefined : true);
  }
}

/** The same client, every query of it with a client-side timeout. */
function withTimeout(client: pg.PoolClient, timeoutMs: number): Pick<pg.PoolClient, "query"> {
  return {
    query: ((text: string, values?: unknown[]) => client.query({ text, values, query_timeout: timeoutMs } as pg.QueryConfig)) as pg.PoolClient["query"],
  };
}
