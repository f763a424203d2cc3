import { DASH, isMissing, trimZero } from "./empty-value";

/**
 * Milliseconds as "4.3 ms", "85 ms", "1.24 s", "12.5 s", then "2m 6s", "1h 5m", "2d 3h":
 * precision shrinks as the number grows, and long spans (sessions) keep two units.
 */
export function formatDuration(ms: number | null | undefined): string {
  if (isMissing(ms)) return DASH;
  if (ms < 0) return `-${formatDuration(-ms)}`;
  if (ms < 10) return `${trimZero(ms.toFixed(1))} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 10_000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  if (s < 3600) return `${Math.floor(s / 60)}m ${s % 60}s`;
  if (s < 86_400) return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`;
  return `${Math.floor(s / 86_400)}d ${Math.floor((s % 86_400) / 3600)}h`;
}

/** A duration already converted to the chart's unit (see durationUnit in lib/metrics/prepare-overview). */
export function formatInUnit(value: number, unit: "ms" | "s"): string {
  return unit === "s" ? `${trimZero(value.toFixed(value >= 10 ? 1 : 2))} s` : `${Math.round(value)} ms`;
}
