import { DASH, isMissing, trimZero } from "./empty-value";

/** A 0..1 rate as a percentage; one decimal keeps 0.4 % error rates from rounding to 0. */
export function formatRate(rate: number | null | undefined): string {
  if (isMissing(rate)) return DASH;
  return formatPercent(rate * 100);
}

/** A number that is already a percentage (0..100). */
export function formatPercent(pct: number | null | undefined): string {
  if (isMissing(pct)) return DASH;
  return `${trimZero(pct.toFixed(1))}%`;
}

/** A relative change (0.12 → "+12%"); "new" when there was nothing to compare with. */
export function formatRelativeChange(relative: number | null): string {
  if (relative === null) return "new";
  const pct = relative * 100;
  const text = Math.abs(pct) >= 100 ? String(Math.round(pct)) : trimZero(pct.toFixed(1));
  return `${pct > 0 ? "+" : ""}${text}%`;
}

/** A change between two 0..1 rates in percentage points, so 2% → 3% reads "+1 pp" rather than "+50%". */
export function formatPointChange(absolute: number): string {
  const pp = absolute * 100;
  return `${pp > 0 ? "+" : ""}${trimZero(pp.toFixed(1))} pp`;
}
