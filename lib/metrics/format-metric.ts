import { format } from "date-fns";
import { formatCost, formatDuration as formatMs } from "@/lib/format-units";
import type { Bucket } from "@/lib/schemas/metrics";

const DASH = "—";

function trimZero(s: string): string {
  return s.replace(/\.0+$/, "").replace(/(\.\d*?)0+$/, "$1");
}

// Durations and costs read the same here as on the trace pages: one shared formatter.
export { formatCost, formatDuration as formatMs } from "@/lib/format-units";

/** Counts as 950, 1.2k, 34k, 1.5M. */
export function formatCount(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return DASH;
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

/** A 0..1 rate as a percentage; one decimal keeps 0.4 % error rates from rounding to 0. */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return DASH;
  return formatPercent(rate * 100);
}

/** A number that is already a percentage (0..100). */
export function formatPercent(pct: number | null | undefined): string {
  if (pct === null || pct === undefined || !Number.isFinite(pct)) return DASH;
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

/** Axis and tooltip label for a bucket start: time of day for sub-day buckets, the date for daily ones. */
export function formatBucketTime(time: number, bucket: Bucket, spansDays: boolean): string {
  if (bucket === "1d") return format(time, "MMM d");
  return spansDays ? format(time, "MMM d HH:mm") : format(time, "HH:mm");
}

/** How a metric reads: decides both its own formatting and how a change in it is expressed. */
export type MetricKind = "count" | "ms" | "cost" | "rate";

export function formatMetric(value: number | null, kind: MetricKind): string {
  if (kind === "count") return formatCount(value);
  if (kind === "ms") return formatMs(value);
  if (kind === "cost") return formatCost(value);
  return formatRate(value);
}

/** Rates change in percentage points; everything else relative to the previous value. */
export function formatDelta(delta: { absolute: number; relative: number | null }, kind: MetricKind): string {
  return kind === "rate" ? formatPointChange(delta.absolute) : formatRelativeChange(delta.relative);
}

/** A duration already converted to the chart's unit (see durationUnit in prepare-overview). */
export function formatInUnit(value: number, unit: "ms" | "s"): string {
  return unit === "s" ? `${trimZero(value.toFixed(value >= 10 ? 1 : 2))} s` : `${Math.round(value)} ms`;
}
