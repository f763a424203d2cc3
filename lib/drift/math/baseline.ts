import { type Granularity, GRANULARITY_MS } from "./windows";

/**
 * What each window is compared with.
 * - trailing (default): the pooled recent past, TRAILING_WINDOWS of them. Hourly: the same hour
 *   on each of the previous 7 days (so the daily cycle is not drift); daily: the previous 7 days.
 *   Detects gradual drift (it accumulates against last week), sustained steps (flagged until the
 *   reference has absorbed them), one-window spikes (once).
 * - previous: the window before. Detects abrupt window-to-window changes only: a step is flagged
 *   once, a spike twice (up and down), drift slower than the floor per window never.
 * - fixed: one chosen period. Detects any departure from that period, for as long as it lasts.
 */
export type Baseline = { kind: "trailing" } | { kind: "previous" } | { kind: "fixed"; start: Date; end: Date };
export const BASELINE_KINDS = ["trailing", "previous", "fixed"] as const;
export const TRAILING_WINDOWS = 7;

export type Span = { start: Date; end: Date };

/** The periods pooled as the reference of `window`, oldest first. */
export function referencePeriods(window: Span, granularity: Granularity, baseline: Baseline): Span[] {
  if (baseline.kind === "fixed") return [{ start: baseline.start, end: baseline.end }];
  const g = GRANULARITY_MS[granularity];
  const s = window.start.getTime();
  if (baseline.kind === "previous") return [{ start: new Date(s - g), end: new Date(s) }];
  const step = granularity === "hour" ? 24 * g : g;
  return Array.from({ length: TRAILING_WINDOWS }, (_, i) => {
    const start = s - (TRAILING_WINDOWS - i) * step;
    return { start: new Date(start), end: new Date(start + g) };
  });
}

/** A stored report's baseline (a fixed one without its period falls back to the default). */
export function reportBaseline(report: { baseline: string; referenceStart: Date | null; referenceEnd: Date | null }): Baseline {
  if (report.baseline === "fixed" && report.referenceStart && report.referenceEnd) return { kind: "fixed", start: report.referenceStart, end: report.referenceEnd };
  return report.baseline === "previous" ? { kind: "previous" } : { kind: "trailing" };
}
