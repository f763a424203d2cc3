import { DASH, isMissing, trimZero } from "./empty-value";

/** Token counts in full with thousands separators ("1,145"): exact counts matter when comparing calls. */
export function formatTokens(n: number | null | undefined): string {
  return isMissing(n) ? DASH : n.toLocaleString("en-US");
}

/** Counts as 950, 1.2k, 34k, 1.5M: dashboards compare magnitudes, not exact numbers. */
export function formatCount(n: number | null | undefined): string {
  if (isMissing(n)) return DASH;
  const abs = Math.abs(n);
  const units: [number, string][] = [[1e9, "B"], [1e6, "M"], [1e3, "k"]];
  for (const [size, suffix] of units) {
    if (abs >= size) {
      const v = n / size;
      return `${Math.abs(v) >= 100 ? Math.round(v) : trimZero(v.toFixed(1))}${suffix}`;
    }
  }
  return Number.isInteger(n) ? String(n) : trimZero(n.toFixed(1));
}
