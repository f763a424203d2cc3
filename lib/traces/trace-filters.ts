import { Prisma } from "../generated/prisma/client";
import type { ListTracesQuery } from "../schemas/traces";
import { jsonEscaped, searchPattern, usesTrigramIndex } from "./search-term";

const FEEDBACK = Prisma.sql`s.project_id = t.project_id and s.trace_id = t.id and s.name = 'user_feedback'`;

/** `display name` as the API shows it: explicit trace name, else the root span's, else the first span's. */
export const TRACE_NAME_SQL = Prisma.sql`coalesce(t.trace_name, t.root_name, t.first_name)`;

/**
 * The WHERE conditions of a trace list over `traces t`, always starting with the project.
 * Equality filters compare the summary columns maintained at ingest; feedback and score
 * filters look at `scores` through its (project_id, trace_id) index, per candidate row.
 */
export function traceFilters(options: { projectId: string; query: ListTracesQuery }): Prisma.Sql[] {
  const { projectId, query: q } = options;
  const where: Prisma.Sql[] = [Prisma.sql`t.project_id = ${projectId}`];
  const add = (cond: Prisma.Sql) => where.push(cond);
  if (q.from) add(Prisma.sql`t.start_time >= ${q.from}`);
  if (q.to) add(Prisma.sql`t.start_time < ${q.to}`);
  if (q.status === "error") add(Prisma.sql`t.error_count > 0`);
  if (q.status === "ok") add(Prisma.sql`t.error_count = 0`);
  if (q.model) add(Prisma.sql`t.models @> array[${q.model}]::text[]`);
  if (q.environment) add(Prisma.sql`t.environment = ${q.environment}`);
  if (q.promptName) add(Prisma.sql`t.prompt_name = ${q.promptName}`);
  if (q.promptVersion) add(Prisma.sql`t.prompt_version = ${q.promptVersion}`);
  if (q.release) add(Prisma.sql`t.release = ${q.release}`);
  if (q.userId) add(Prisma.sql`t.user_id = ${q.userId}`);
  if (q.sessionId) add(Prisma.sql`t.session_id = ${q.sessionId}`);
  if (q.name) add(Prisma.sql`${TRACE_NAME_SQL} = ${q.name}`);
  if (q.tags?.length) add(Prisma.sql`t.tags @> ${q.tags}::text[]`);
  if (q.flags?.length) add(Prisma.sql`t.flags @> ${q.flags}::text[]`);
  if (q.feedback === "up") add(Prisma.sql`exists (select 1 from scores s where ${FEEDBACK} and s.number_value = 1)`);
  if (q.feedback === "down") add(Prisma.sql`exists (select 1 from scores s where ${FEEDBACK} and s.number_value = 0)`);
  if (q.feedback === "any") add(Prisma.sql`exists (select 1 from scores s where ${FEEDBACK})`);
  if (q.feedback === "none") add(Prisma.sql`not exists (select 1 from scores s where ${FEEDBACK})`);
  if (q.scoreName) {
    const bounds = [
      ...(q.scoreMin !== undefined ? [Prisma.sql`s.number_value >= ${q.scoreMin}`] : []),
      ...(q.scoreMax !== undefined ? [Prisma.sql`s.number_value <= ${q.scoreMax}`] : []),
    ];
    add(Prisma.sql`exists (select 1 from scores s where s.project_id = t.project_id and s.trace_id = t.id and s.name = ${q.scoreName}
      ${bounds.length ? Prisma.sql`and ${Prisma.join(bounds, " and ")}` : Prisma.empty})`);
  }
  // Latency in ms from the summary's start/end (exact numeric, so range edges are inclusive as typed).
  const latencyMs = Prisma.sql`extract(epoch from (t.end_time - t.start_time)) * 1000`;
  if (q.latencyMin !== undefined) add(Prisma.sql`${latencyMs} >= ${q.latencyMin}::numeric`);
  if (q.latencyMax !== undefined) add(Prisma.sql`${latencyMs} <= ${q.latencyMax}::numeric`);
  if (q.costMin !== undefined) add(Prisma.sql`t.total_cost >= ${q.costMin}::numeric`);
  if (q.costMax !== undefined) add(Prisma.sql`t.total_cost <= ${q.costMax}::numeric`);
  if (q.q) {
    // ILIKE lets the GIN pg_trgm index narrow terms of ≥ 3 characters. A shorter term has no
    // trigram, so the index would be read whole; strpos keeps the planner on the time index,
    // which finds a page of matches quickly because short terms match often.
    add(
      usesTrigramIndex(q.q)
        ? Prisma.sql`t.search_text ilike ${searchPattern(q.q)}`
        : Prisma.sql`strpos(lower(t.search_text), lower(${jsonEscaped(q.q)})) > 0`,
    );
  }
  return where;
}
