/**
 * Day arithmetic for span partitions and retention, in UTC: one partition per UTC day of
 * start_time, and retention deletes whole days so that it can drop whole partitions.
 */
export const DAY_MS = 86_400_000;

/** The UTC midnight at or before `t`. */
export function utcDayStart(t: Date): Date {
  return new Date(Math.floor(t.getTime() / DAY_MS) * DAY_MS);
}

export function addDays(t: Date, days: number): Date {
  return new Date(t.getTime() + days * DAY_MS);
}

/** The daily partition of `day` (a UTC midnight): spans_pYYYYMMDD. */
export function partitionName(day: Date): string {
  return `spans_p${day.toISOString().slice(0, 10).replaceAll("-", "")}`;
}

/**
 * Retention of `days` days at `now` deletes what started before this instant: the UTC midnight at
 * or before now − days. Whole days, so that a daily partition goes in one piece: a span is kept
 * at least `days` days and at most one day more (plus the time until the worker's next pass).
 */
export function retentionBoundary(now: Date, days: number): Date {
  return utcDayStart(addDays(now, -days));
}

/** The UTC days from `back` days before `now`'s day to `ahead` days after it, inclusive. */
export function daysAround(now: Date, back: number, ahead: number): Date[] {
  const today = utcDayStart(now);
  return Array.from({ length: back + ahead + 1 }, (_, i) => addDays(today, i - back));
}
