import { DEFAULT_RANGE, isoOrNull, MAX_RANGE_MS, RANGE_PRESETS, type RangeChoice } from "./range-presets";

export const TEXT_FILTERS = ["environment", "model", "provider", "promptName", "release", "userId"] as const;
export type OverviewFilters = Partial<Record<(typeof TEXT_FILTERS)[number], string>> & { promptVersion?: number; tags?: string[] };
/** Custom ranges carry their own ISO bounds; presets are relative to "now" so a shared link stays live. */
export type OverviewState = { range: RangeChoice; from?: string; to?: string; filters: OverviewFilters };

type ParamReader = { get(name: string): string | null };

/** Reads the view from the URL, dropping anything malformed instead of failing the page. */
export function parseOverviewState(params: ParamReader): OverviewState {
  const filters: OverviewFilters = {};
  for (const key of TEXT_FILTERS) {
    const v = params.get(key)?.trim();
    if (v) filters[key] = v;
  }
  const version = params.get("promptVersion")?.trim();
  if (version && /^\d+$/.test(version) && Number(version) > 0) filters.promptVersion = Number(version);
  const tags = (params.get("tags") ?? "").split(",").map((t) => t.trim()).filter(Boolean);
  if (tags.length) filters.tags = [...new Set(tags)];

  const range = params.get("range");
  if (range === "custom") {
    const from = isoOrNull(params.get("from"));
    const to = isoOrNull(params.get("to"));
    if (from && to && Date.parse(to) > Date.parse(from) && Date.parse(to) - Date.parse(from) <= MAX_RANGE_MS) return { range: "custom", from, to, filters };
  }
  const preset = RANGE_PRESETS.find((p) => p === range) ?? DEFAULT_RANGE;
  return { range: preset, filters };
}

/** The inverse of parseOverviewState, in a fixed key order so equal views give equal URLs. */
export function serializeOverviewState(state: OverviewState): string {
  const out = new URLSearchParams();
  if (state.range === "custom" && state.from && state.to) {
    out.set("range", "custom");
    out.set("from", state.from);
    out.set("to", state.to);
  } else if (state.range !== DEFAULT_RANGE && state.range !== "custom") {
    out.set("range", state.range);
  }
  const f = state.filters;
  for (const key of TEXT_FILTERS) if (f[key]) out.set(key, f[key]);
  if (f.promptVersion) out.set("promptVersion", String(f.promptVersion));
  if (f.tags?.length) out.set("tags", f.tags.join(","));
  return out.toString();
}

export function activeFilterCount(filters: OverviewFilters): number {
  return Object.values(filters).filter((v) => (Array.isArray(v) ? v.length > 0 : v !== undefined && v !== "")).length;
}
