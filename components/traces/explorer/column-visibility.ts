/**
 * Which explorer columns show. Until the user picks in the "Columns" menu, the set follows the
 * viewport: Input and Output always get the spare width, and the less-used columns join only
 * when there is room for them, so the default never scrolls sideways. A pick is kept as-is.
 */
export const COLUMN_IDS = ["startTime", "name", "inputPreview", "outputPreview", "status", "latencyMs", "totalCost", "tokens", "models", "userId", "sessionId", "tags", "flags", "feedback"] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

/** Time is the sort key and the row's identity on screen; it cannot be hidden. */
export const ALWAYS_SHOWN: ReadonlySet<ColumnId> = new Set(["startTime"]);

const BASE: ColumnId[] = ["startTime", "name", "inputPreview", "outputPreview", "status", "latencyMs", "totalCost"];
/** Tailwind's xl and 2xl breakpoints (px), the viewport widths at which more columns fit. */
export const XL = 1280;
export const XXL = 1536;

export function defaultColumns(viewportWidth: number): ColumnId[] {
  const shown = new Set<ColumnId>(BASE);
  if (viewportWidth >= XL) shown.add("tokens");
  if (viewportWidth >= XXL) for (const id of ["models", "flags", "feedback"] as const) shown.add(id);
  return COLUMN_IDS.filter((id) => shown.has(id));
}

export const STORAGE_KEY = "pharos.traceExplorer.columns";

/** The stored pick, or null when there is none or it is unreadable (then the defaults apply). */
export function parseStoredColumns(raw: string | null): ColumnId[] | null {
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (!Array.isArray(value)) return null;
    const picked = new Set(value.filter((v): v is ColumnId => typeof v === "string" && (COLUMN_IDS as readonly string[]).includes(v)));
    for (const id of ALWAYS_SHOWN) picked.add(id);
    return COLUMN_IDS.filter((id) => picked.has(id));
  } catch {
    return null;
  }
}

/** Shows or hides one column, keeping display order and the columns that are always shown. */
export function toggleColumn(current: readonly ColumnId[], id: ColumnId): ColumnId[] {
  if (ALWAYS_SHOWN.has(id)) return [...current];
  const next = new Set(current);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return COLUMN_IDS.filter((c) => next.has(c));
}
