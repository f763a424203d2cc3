/** What every formatter shows for a missing or non-finite value, so gaps read alike on every page. */
export const DASH = "—";

export function isMissing(value: number | null | undefined): value is null | undefined {
  return value === null || value === undefined || !Number.isFinite(value);
}

/** "1.50" → "1.5", "2.0" → "2": fixed-point output without the zeros that carry no information. */
export function trimZero(s: string): string {
  return s.replace(/\.0+$/, "").replace(/(\.\d*?)0+$/, "$1");
}
