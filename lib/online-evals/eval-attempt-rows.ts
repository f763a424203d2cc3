import type { PoolClient } from "pg";

export type EvalAttempt = { traceId: string; status: "scored" | "error" | "not_applicable"; error: string | null };

/**
 * Every trace a rule evaluated, whatever came of it, goes in with the page's scores (same client
 * and transaction): the "due" check (trace-candidates.ts) skips a trace with an attempt, so one
 * whose evaluation failed (no score) is not judged and paid for again when late spans make it
 * arrive again. ON CONFLICT DO NOTHING on (project, rule, trace); the counts are of rows inserted.
 */
const INSERT_EVAL_ATTEMPTS_SQL = `
with inserted as (
  insert into online_eval_attempts (project_id, rule_id, trace_id, status, error, created_at)
  select $1, $2, a.trace_id, a.status, a.error, $6 from unnest($3::text[], $4::text[], $5::text[]) as a(trace_id, status, error)
  order by a.trace_id
  on conflict do nothing
  returning status
)
select count(*) filter (where status = 'error')::int as errors from inserted`;

/** Inserts one page's attempts of one rule on the caller's client and transaction; returns how many new ones failed. */
export async function insertEvalAttempts(client: PoolClient, options: { projectId: string; ruleId: string; attempts: readonly EvalAttempt[]; at: Date }): Promise<{ errors: number }> {
  const { attempts } = options;
  if (!attempts.length) return { errors: 0 };
  const res = await client.query<{ errors: number }>(INSERT_EVAL_ATTEMPTS_SQL, [
    options.projectId, options.ruleId, attempts.map((a) => a.traceId), attempts.map((a) => a.status), attempts.map((a) => a.error?.slice(0, 2000) ?? null), options.at,
  ]);
  return res.rows[0]!;
}
