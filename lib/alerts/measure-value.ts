import type { AlertMeasure } from "../schemas/alerts";
import type { MetricPoint } from "../schemas/metrics";

/**
 * The rule's measure over its window, or null when the window has no data to judge. `drift`
 * is not a metrics total: the caller passes the drift decision's value (lib/drift/latest-distance):
 * the scale-free effect of a flagged latest closed window, 0 when none is flagged.
 */
export function measureValue(measure: AlertMeasure, totals: MetricPoint, windowMinutes: number, drift: number | null = null): number | null {
  switch (measure) {
    case "latency_p95":
      return totals.latencyP95;
    case "error_rate":
      return totals.errorRate;
    case "cost_per_hour":
      return totals.count ? totals.cost / (windowMinutes / 60) : null;
    case "thumbs_down_rate":
      return totals.thumbsUpRate === null ? null : 1 - totals.thumbsUpRate;
    case "drift":
      return drift;
  }
}

export function breaches(value: number, comparator: string, threshold: number): boolean {
  return comparator === "lt" ? value < threshold : value > threshold;
}

const UNITS: Record<AlertMeasure, (v: number) => string> = {
  latency_p95: (v) => `${Math.round(v)} ms`,
  error_rate: (v) => `${(v * 100).toFixed(1)}%`,
  cost_per_hour: (v) => `$${v.toFixed(4)}/h`,
  thumbs_down_rate: (v) => `${(v * 100).toFixed(1)}%`,
  drift: (v) => v.toFixed(3),
};

export const MEASURE_LABELS: Record<AlertMeasure, string> = {
  latency_p95: "p95 latency",
  error_rate: "error rate",
  cost_per_hour: "cost per hour",
  thumbs_down_rate: "thumbs-down rate",
  drift: "embedding drift (effect of a flagged window)",
};

export function formatMeasure(measure: AlertMeasure, value: number | null): string {
  return value === null ? "no data" : UNITS[measure](value);
}
