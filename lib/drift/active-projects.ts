import "server-only";
import { sqlPool } from "../db-sql-pool";

/** Projects with LLM spans recently: the ones worth a drift pass. */
export async function activeProjects(options: { now?: Date } = {}): Promise<string[]> {
  const now = options.now ?? new Date();
  const rows = await sqlPool().query<{ project_id: string }>(
    `select id as project_id from projects p where exists (select 1 from spans s where s.project_id = p.id and s.start_time >= $1)`,
    [new Date(now.getTime() - 35 * 86_400_000)],
  );
  return rows.rows.map((r) => r.project_id);
}
