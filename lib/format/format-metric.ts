import { formatCost } from "./format-cost";
import { formatCount } from "./format-count";
import { formatDuration } from "./format-duration";
import { formatPointChange, formatRate, formatRelativeChange } from "./format-percent";

/** How a metric reads: decides both its own formatting and how a change in it is expressed. */
export type MetricKind = "count" | "ms" | "cost" | "rate";

// Durations and costs read the same on the overview as on the trace pages: the same formatters.
export function formatMetric(value: number | null, kind: MetricKind): string {
  if (kind === "count") return formatCount(value);
  if (kind === "ms") return formatDuration(value);
  if (kind === "cost") return formatCost(value);
  return formatRate(value);
}

/** Rates change in percentage points; everything else relative to the previous value. */
export function formatDelta(delta: { absolute: number; relative: number | null }, kind: MetricKind): string {
  return kind === "rate" ? formatPointChange(delta.absolute) : formatRelativeChange(delta.relative);
}
