import { db } from "../db";

export type EvalScoreSeries = {
  /** One row per score name and day: the mean of numeric eval scores written that day. */
  days: { name: string; day: string; mean: number; count: number }[];
  /** Per score name and the prompt version of the scored trace (null: traces without a prompt). */
  byPrompt: { name: string; promptName: string | null; promptVersion: number | null; mean: number; count: number }[];
  /** Per score name and the model of the scored span (else the trace's first model). */
  byModel: { name: string; model: string | null; mean: number; count: number }[];
};

/**
 * Scores with source `eval` (online evaluation rules) over a range, for the overview: means by
 * day and by the scored trace's prompt version. Numeric and boolean scores only (a boolean is
 * 0/1, so its mean is a pass rate); categorical ones have no mean.
 */
export async function evalScoreSeries(options: { projectId: string; query: { from: Date; to: Date } }): Promise<EvalScoreSeries> {
  const { projectId, query: q } = options;
  // The scored span's prompt version and model when the score is on a span (an online RAG rule scores the answering LLM span), else the trace's.
  const [days, byPrompt, byModel] = await Promise.all([
    db.$queryRaw<{ name: string; day: Date; mean: number; count: number }[]>`
      select s.name, date_trunc('day', s.created_at) as day, avg(s.number_value)::float8 as mean, count(*)::int as count
      from scores s
      where s.project_id = ${projectId} and s.source = 'eval' and s.created_at >= ${q.from} and s.created_at < ${q.to} and s.number_value is not null
      group by 1, 2 order by 2, 1`,
    db.$queryRaw<{ name: string; prompt_name: string | null; prompt_version: number | null; mean: number; count: number }[]>`
      select s.name, coalesce(sp.prompt_name, t.prompt_name) as prompt_name, case when sp.prompt_name is not null then sp.prompt_version else t.prompt_version end as prompt_version,
        avg(s.number_value)::float8 as mean, count(*)::int as count
      from scores s
      join traces t on t.project_id = s.project_id and t.id = s.trace_id
      left join spans sp on sp.project_id = s.project_id and sp.trace_id = s.trace_id and sp.id = s.span_id
      where s.project_id = ${projectId} and s.source = 'eval' and s.created_at >= ${q.from} and s.created_at < ${q.to} and s.number_value is not null
      group by 1, 2, 3 order by 1, 2 nulls last, 3 desc nulls last
      limit 200`,
    db.$queryRaw<{ name: string; model: string | null; mean: number; count: number }[]>`
      select s.name, coalesce(sp.model, t.models[1]) as model, avg(s.number_value)::float8 as mean, count(*)::int as count
      from scores s
      join traces t on t.project_id = s.project_id and t.id = s.trace_id
      left join spans sp on sp.project_id = s.project_id and sp.trace_id = s.trace_id and sp.id = s.span_id
      where s.project_id = ${projectId} and s.source = 'eval' and s.created_at >= ${q.from} and s.created_at < ${q.to} and s.number_value is not null
      group by 1, 2 order by 1, 2 nulls last
      limit 200`,
  ]);
  return {
    days: days.map((d) => ({ name: d.name, day: d.day.toISOString(), mean: d.mean, count: d.count })),
    byPrompt: byPrompt.map((r) => ({ name: r.name, promptName: r.prompt_name, promptVersion: r.prompt_version, mean: r.mean, count: r.count })),
    byModel: byModel.map((r) => ({ name: r.name, model: r.model, mean: r.mean, count: r.count })),
  };
}
