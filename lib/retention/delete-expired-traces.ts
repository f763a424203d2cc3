import type pg from "pg";

type Sql = Pick<pg.PoolClient, "query">;

/** Rows per delete statement: short transactions, so ingest and replication never wait long on retention. */
export const CHUNK = 2000;

export type TraceDeletions = { traces: number; scores: number; triageItems: number; evalAttempts: number; embeddings: number; driftReports: number };

/**
 * What one project's retention deletes besides spans, everything that started before `before`:
 * trace summaries with their scores (thumbs, evaluations, annotation scores written back on the
 * trace), failure-inbox items (their comments cascade) and online-evaluation attempts, scores
 * left without a trace, the
 * span embeddings, and drift reports whose analysed range ended before it. Golden sets, runs,
 * prompts, annotation queues and judgments are curated copies and stay (lib/retention/README.md).
 */
export async function deleteExpiredTraces(sql: Sql, options: { projectId: string; before: Date; deadline: number }): Promise<TraceDeletions> {
  const { projectId, before } = options;
  const out: TraceDeletions = { traces: 0, scores: 0, triageItems: 0, evalAttempts: 0, embeddings: 0, driftReports: 0 };
  const args = [projectId, before];

  // Traces oldest first, with what hangs off each trace id.
  await inChunks(options.deadline, async () => {
    const { rows } = await sql.query<{ traces: number; scores: number; triage: number; attempts: number }>(
      `with doomed as (
         select id from traces where project_id = $1 and start_time < $2 order by start_time limit ${CHUNK}
       ), t as (
         delete from traces tr using doomed d where tr.project_id = $1 and tr.id = d.id returning tr.id
       ), s as (
         delete from scores sc using t where sc.project_id = $1 and sc.trace_id = t.id returning 1
       ), i as (
         delete from triage_items ti using t where ti.project_id = $1 and ti.trace_id = t.id returning 1
       ), a as (
         delete from online_eval_attempts oa using t where oa.project_id = $1 and oa.trace_id = t.id returning 1
       )
       select (select count(*) from t)::int as traces, (select count(*) from s)::int as scores, (select count(*) from i)::int as triage,
         (select count(*) from a)::int as attempts`,
      args,
    );
    out.traces += rows[0]!.traces;
    out.scores += rows[0]!.scores;
    out.triageItems += rows[0]!.triage;
    out.evalAttempts += rows[0]!.attempts;
    return rows[0]!.traces;
  });

  // Scores for trace ids the project never received (the batch API accepts them), one source at a
  // time so each walk is a range of the (project_id, source, created_at) index.
  for (const source of await scoreSources(sql, projectId)) {
    await inChunks(options.deadline, async () => {
      const res = await sql.query(
        `delete from scores where ctid = any(array(
           select sc.ctid from scores sc where sc.project_id = $1 and sc.source = $3 and sc.created_at < $2
             and not exists (select 1 from traces t where t.project_id = sc.project_id and t.id = sc.trace_id)
           limit ${CHUNK}))`,
        [...args, source],
      );
      out.scores += res.rowCount ?? 0;
      return res.rowCount ?? 0;
    });
  }

  // Embeddings by (model, field), each a range of the (project_id, model, field, span_start_time) index.
  const { rows: models } = await sql.query<{ model: string }>(`select model from embedding_models where project_id = $1`, [projectId]);
  for (const { model } of models) {
    for (const field of ["input", "output"]) {
      await inChunks(options.deadline, async () => {
        const res = await sql.query(
          `delete from embeddings where ctid = any(array(
             select ctid from embeddings where project_id = $1 and model = $3 and field = $4 and span_start_time < $2 limit ${CHUNK}))`,
          [...args, model, field],
        );
        out.embeddings += res.rowCount ?? 0;
        return res.rowCount ?? 0;
      });
    }
  }

  // Drift reports quote span texts (cluster examples): those entirely about deleted windows go.
  const drift = await sql.query(`delete from drift_reports where project_id = $1 and range_end <= $2`, args);
  out.driftReports += drift.rowCount ?? 0;
  return out;
}

/** Runs a chunked delete until a chunk comes back short or the pass's deadline passes (the next pass goes on). */
export async function inChunks(deadline: number, chunk: () => Promise<number>): Promise<void> {
  while (Date.now() < deadline) {
    if ((await chunk()) < CHUNK) return;
  }
}

/** The project's score sources, walked one value at a time along (project_id, source, created_at): no full scan. */
async function scoreSources(sql: Sql, projectId: string): Promise<string[]> {
  const { rows } = await sql.query<{ v: string }>(
    `with recursive d as (
       (select source as v from scores where project_id = $1 order by source limit 1)
       union all
       select (select source from scores where project_id = $1 and source > d.v order by source limit 1) from d where d.v is not null
     )
     select v from d where v is not null`,
    [projectId],
  );
  return rows.map((r) => r.v);
}
