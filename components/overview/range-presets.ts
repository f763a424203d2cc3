import { format } from "date-fns";
import { autoBucket, type Bucket } from "@/lib/schemas/metrics";
import type { OverviewState } from "./overview-url-state";

export const RANGE_PRESETS = ["1h", "24h", "7d", "30d"] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export type RangeChoice = RangePreset | "custom";
export const DEFAULT_RANGE: RangePreset = "24h";
const PRESET_MS: Record<RangePreset, number> = { "1h": 3_600_000, "24h": 86_400_000, "7d": 7 * 86_400_000, "30d": 30 * 86_400_000 };
export const MAX_RANGE_MS = 400 * 86_400_000;

export function isoOrNull(value: string | null): string | null {
  if (!value) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

export type ResolvedRange = { from: Date; to: Date; bucket: Bucket; previous: { from: Date; to: Date } };

/**
 * Concrete bounds for a view. Preset ranges end at the next whole minute so that renders
 * within the same minute produce the same query (and hit the cache).
 */
export function resolveRange(state: OverviewState, now: number): ResolvedRange {
  let from: number;
  let to: number;
  if (state.range === "custom" && state.from && state.to) {
    from = Date.parse(state.from);
    to = Date.parse(state.to);
  } else {
    const preset = state.range === "custom" ? DEFAULT_RANGE : state.range;
    to = Math.ceil(now / 60_000) * 60_000;
    from = to - PRESET_MS[preset];
  }
  const length = to - from;
  return { from: new Date(from), to: new Date(to), bucket: autoBucket(new Date(from), new Date(to)), previous: { from: new Date(from - length), to: new Date(from) } };
}

/** `<input type="datetime-local">` speaks local wall-clock time without a zone. */
export function toLocalInput(iso: string): string {
  return format(new Date(iso), "yyyy-MM-dd'T'HH:mm");
}

export function fromLocalInput(value: string): string | null {
  return isoOrNull(value);
}
