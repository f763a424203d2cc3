import type { DriftFilters } from "./load-window-vectors";

/** A report's span filters as SQL conditions on spans `s`, appending their values to `params`. */
export function spanFilterSql(filters: DriftFilters | null | undefined, params: unknown[]): string[] {
  const where: string[] = [];
  const f = filters ?? {};
  for (const [key, column] of [["environment", "environment"], ["model", "model"], ["promptName", "prompt_name"], ["promptVersion", "prompt_version"]] as const) {
    const value = f[key];
    if (value === undefined) continue;
    params.push(value);
    where.push(`s.${column} = $${params.length}`);
  }
  return where;
}
