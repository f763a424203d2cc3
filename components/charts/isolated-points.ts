type Row = Readonly<Record<string, unknown>>;

const has = (row: Row | undefined, key: string) => typeof row?.[key] === "number";

/**
 * Indices of rows whose value for `key` has no value on either side. A line or area through such a point
 * is a zero-length path and draws nothing, so a lone bucket of data (common at short ranges) would vanish.
 */
export function isolatedIndices(rows: readonly Row[], key: string): Set<number> {
  const out = new Set<number>();
  rows.forEach((row, i) => {
    if (has(row, key) && !has(rows[i - 1], key) && !has(rows[i + 1], key)) out.add(i);
  });
  return out;
}
