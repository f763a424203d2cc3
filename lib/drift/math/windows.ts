/** Window boundaries for drift reports, aligned to UTC hours or days. */
export type Granularity = "hour" | "day";
export const GRANULARITY_MS: Record<Granularity, number> = { hour: 3_600_000, day: 86_400_000 };

export type Window = { start: Date; end: Date; partial: boolean };

/** Start of the window that contains `at`. */
export function windowStart(at: Date, granularity: Granularity): Date {
  const g = GRANULARITY_MS[granularity];
  return new Date(Math.floor(at.getTime() / g) * g);
}

/**
 * The `count` most recent windows up to and including the one containing `now` (still open,
 * so `partial`), oldest first; with `withPrevious`, one more window before them to serve as
 * the first window's reference.
 */
export function recentWindows(now: Date, granularity: Granularity, count: number, withPrevious: boolean): Window[] {
  const g = GRANULARITY_MS[granularity];
  const currentStart = windowStart(now, granularity).getTime();
  const total = count + (withPrevious ? 1 : 0);
  return Array.from({ length: total }, (_, i) => {
    const start = currentStart - (total - 1 - i) * g;
    return { start: new Date(start), end: new Date(start + g), partial: start + g > now.getTime() };
  });
}

/** True when a window has closed since `since` (so a report computed then is stale). */
export function windowClosedSince(since: Date, now: Date, granularity: Granularity): boolean {
  return windowStart(now, granularity).getTime() > since.getTime();
}
