import type { PoolClient } from "pg";
import type { ScoreRow } from "../ingest/rows";
import { insertScoresParams } from "../ingest/sql/insert-scores";

/**
 * Eval scores go in like ingest's, minus the thumbs rollup (they are never user_feedback), plus
 * the evaluator's evidence (RAG evaluators: statements, verdicts, passages) in `details`; the
 * count, sum and escalations are of rows actually inserted (ON CONFLICT DO NOTHING on the
 * deterministic id, so a retry or a second writer can only conflict).
 */
const INSERT_EVAL_SCORES_SQL = `
with inserted as (
  insert into scores (project_id, id, trace_id, span_id, name, number_value, string_value, data_type, source, comment, created_at, details)
  select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::text[], $8::text[], $9::text[], $10::text[], $11::timestamptz[], $12::jsonb[])
  order by 1, 2
  on conflict do nothing
  returning number_value, details
)
select count(*)::int as n, coalesce(sum(number_value), 0)::float8 as sum,
  count(*) filter (where details->'tiered'->>'escalated' = 'true')::int as escalated from inserted`;

/** Inserts eval scores with their details (JSON text or null, one per score) on the caller's client and transaction. */
export async function insertEvalScores(client: PoolClient, scores: readonly ScoreRow[], details: readonly (string | null)[]): Promise<{ n: number; sum: number; escalated: number }> {
  if (!scores.length) return { n: 0, sum: 0, escalated: 0 };
  return (await client.query<{ n: number; sum: number; escalated: number }>(INSERT_EVAL_SCORES_SQL, [...insertScoresParams(scores), [...details]])).rows[0]!;
}
