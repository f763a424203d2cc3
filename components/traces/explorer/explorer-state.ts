/**
 * The explorer's view as URL query parameters. Parameter names are the list API's own, so
 * the URL (minus `range`) is the request; `range` is a preset resolved against "now".
 */
export const EXPLORER_RANGES = ["1h", "24h", "7d", "30d", "all", "custom"] as const;
export type ExplorerRange = (typeof EXPLORER_RANGES)[number];
export const DEFAULT_RANGE: ExplorerRange = "7d";
const RANGE_MS: Record<string, number> = { "1h": 3_600_000, "24h": 86_400_000, "7d": 7 * 86_400_000, "30d": 30 * 86_400_000 };

/** Filters a user sets (everything in the URL except range, sort and order). */
export const FILTER_KEYS = [
  "q", "status", "model", "environment", "promptName", "promptVersion", "release", "userId", "sessionId", "name", "tags",
  "feedback", "scoreName", "scoreMin", "scoreMax", "latencyMin", "latencyMax", "costMin", "costMax", "flags",
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type ExplorerState = {
  range: ExplorerRange;
  from?: string;
  to?: string;
  sort: "startTime" | "latency" | "cost" | "tokens";
  order: "asc" | "desc";
  filters: Partial<Record<FilterKey, string>>;
};

const SORTS = ["startTime", "latency", "cost", "tokens"] as const;

export function parseExplorerState(params: URLSearchParams): ExplorerState {
  const range = (EXPLORER_RANGES as readonly string[]).includes(params.get("range") ?? "") ? (params.get("range") as ExplorerRange) : DEFAULT_RANGE;
  const sort = (SORTS as readonly string[]).includes(params.get("sort") ?? "") ? (params.get("sort") as ExplorerState["sort"]) : "startTime";
  const filters: ExplorerState["filters"] = {};
  for (const key of FILTER_KEYS) {
    const v = params.get(key);
    if (v !== null && v !== "") filters[key] = v;
  }
  return {
    range,
    ...(range === "custom" ? { from: params.get("from") ?? undefined, to: params.get("to") ?? undefined } : {}),
    sort,
    order: params.get("order") === "asc" ? "asc" : "desc",
    filters,
  };
}

/** Only non-default values, in a stable order, so equal views have equal URLs. */
export function serializeExplorerState(s: ExplorerState): string {
  const out = new URLSearchParams();
  if (s.range !== DEFAULT_RANGE) out.set("range", s.range);
  if (s.range === "custom") {
    if (s.from) out.set("from", s.from);
    if (s.to) out.set("to", s.to);
  }
  if (s.sort !== "startTime") out.set("sort", s.sort);
  if (s.order !== "desc") out.set("order", s.order);
  for (const key of FILTER_KEYS) {
    const v = s.filters[key]?.trim();
    if (v) out.set(key, v);
  }
  return out.toString();
}

/** The list API's query for a view at a moment: presets become absolute bounds. */
export function explorerRequest(s: ExplorerState, now: number): Record<string, string> {
  const out: Record<string, string> = { sort: s.sort, order: s.order };
  if (s.range === "custom") {
    if (s.from) out.from = s.from;
    if (s.to) out.to = s.to;
  } else if (s.range !== "all") {
    out.from = new Date(now - RANGE_MS[s.range]!).toISOString();
  }
  for (const key of FILTER_KEYS) {
    const v = s.filters[key]?.trim();
    if (v) out[key] = v;
  }
  return out;
}

export const activeFilterCount = (s: ExplorerState) => FILTER_KEYS.filter((k) => s.filters[k]).length;
