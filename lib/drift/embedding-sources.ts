import "server-only";
import { sqlPool } from "../db-sql-pool";

/** The field × embedding model pairs with vectors, and how many (what a report can be made of). */
export async function embeddingSources(options: { projectId: string }) {
  const rows = await sqlPool().query<{ field: string; model: string; dimension: number; source: string; vectors: number; last: Date }>(
    `select e.field, e.model, min(e.dimension)::int as dimension, min(e.source) as source, count(*)::int as vectors, max(e.span_start_time) as last
     from embeddings e where e.project_id = $1 group by 1, 2 order by 1, count(*) desc`,
    [options.projectId],
  );
  return rows.rows;
}
