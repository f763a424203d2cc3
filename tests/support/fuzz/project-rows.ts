// Row counts of every table with a project_id column, for one project: a rejected request
// must leave all of them as they were (no partial writes), whichever table a new route writes.
import { db } from "@/lib/db";

let tables: Promise<string[]> | undefined;

function projectTables(): Promise<string[]> {
  tables ??= db
    .$queryRawUnsafe<{ table_name: string }[]>(
      `SELECT c.table_name::text AS table_name FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
       WHERE c.table_schema = current_schema() AND c.column_name = 'project_id' AND t.table_type = 'BASE TABLE' ORDER BY 1`,
    )
    .then((rows) => rows.map((r) => r.table_name));
  return tables;
}

export async function projectRowCounts(projectId: string): Promise<Record<string, number>> {
  const names = await projectTables();
  const select = names.map((n, i) => `(SELECT count(*) FROM "${n}" WHERE project_id = $1)::int AS c${i}`).join(", ");
  const [row] = await db.$queryRawUnsafe<Record<string, number>[]>(`SELECT ${select}`, projectId);
  return Object.fromEntries(names.map((n, i) => [n, row![`c${i}`]!]));
}

/** The tables whose counts differ, with before → after. */
export function changedTables(before: Record<string, number>, after: Record<string, number>): string[] {
  return Object.keys(after).filter((k) => before[k] !== after[k]).map((k) => `${k}: ${before[k]} → ${after[k]}`);
}
