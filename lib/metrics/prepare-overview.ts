import type { MetricKind } from "@/lib/format/format-metric";
import { BUCKET_MS, type MetricPoint, type MetricsResponse } from "@/lib/schemas/metrics";

/* ---------- Chart rows (the page state that picks the data lives in components/overview) ---------- */

type SeriesPoint = MetricsResponse["series"][number];
export type DurationUnit = "ms" | "s";

const round = (v: number, digits: number) => Number(v.toFixed(digits));
const ratePct = (rate: number | null): number | null => (rate === null ? null : round(rate * 100, 2));

const EMPTY_POINT: MetricPoint = {
  count: 0, errors: 0, errorRate: null, latencyP50: null, latencyP95: null, latencyP99: null, ttftP50: null, ttftP95: null,
  cost: 0, inputTokens: 0, outputTokens: 0, thumbsUp: 0, thumbsDown: 0, thumbsUpRate: null, flaggedPii: 0, flaggedInjection: 0, flaggedUncertainty: 0,
};

/**
 * Fills the buckets the API left out with empty points, on the grid of the buckets it did send, so quiet
 * periods show as zero rather than as a line drawn across them. Leaves the series alone if it is off-grid.
 */
export function fillSeries(res: Pick<MetricsResponse, "from" | "to" | "bucket" | "series">): (MetricPoint & { time: number })[] {
  const points = res.series.map((p) => ({ ...p, time: Date.parse(p.time) }));
  const first = points[0];
  if (!first) return [];
  const step = BUCKET_MS[res.bucket];
  if (points.some((p) => (p.time - first.time) % step !== 0)) return points;
  const byTime = new Map(points.map((p) => [p.time, p]));
  const from = Date.parse(res.from);
  const to = Date.parse(res.to);
  const last = points[points.length - 1]!.time;
  // The first bucket is the one holding `from`; its start may lie before `from`.
  const start = first.time - Math.max(0, Math.ceil((first.time - from) / step)) * step;
  if ((Math.max(to, last) - start) / step > 10_000) return points;
  const out: (MetricPoint & { time: number })[] = [];
  for (let t = start; t < to || t <= last; t += step) out.push(byTime.get(t) ?? { ...EMPTY_POINT, time: t });
  return out;
}

/** Seconds once the slowest value reaches a second, so the axis reads "2.5 s" rather than "2500 ms". */
export function durationUnit(valuesMs: (number | null)[]): DurationUnit {
  return Math.max(0, ...valuesMs.map((v) => v ?? 0)) >= 1000 ? "s" : "ms";
}

function inUnit(ms: number | null, unit: DurationUnit): number | null {
  if (ms === null) return null;
  return unit === "s" ? round(ms / 1000, 3) : round(ms, 1);
}

/** Fewest votes a plotted thumbs-up rate rests on. */
export const MIN_RATE_VOTES = 5;

/**
 * Thumbs-up rate (%) per bucket over at least MIN_RATE_VOTES votes: a bucket with fewer pools
 * the buckets just before it until it has enough (or the range starts). A bucket with one or
 * two votes would otherwise plot 0 % or 100 % and the line would only flip between them. Null
 * where no votes have come yet.
 */
export function pooledUpRates(points: ReadonlyArray<{ thumbsUp: number; thumbsDown: number }>): (number | null)[] {
  return points.map((_, i) => {
    let up = 0;
    let votes = 0;
    for (let j = i; j >= 0 && votes < MIN_RATE_VOTES; j--) {
      up += points[j]!.thumbsUp;
      votes += points[j]!.thumbsUp + points[j]!.thumbsDown;
    }
    return votes ? ratePct(up / votes) : null;
  });
}

export function prepareOverviewCharts(res: MetricsResponse) {
  const points = fillSeries(res);
  const latencyUnit = durationUnit(points.flatMap((p) => [p.latencyP50, p.latencyP95, p.latencyP99]));
  const ttftUnit = durationUnit(points.flatMap((p) => [p.ttftP50, p.ttftP95]));
  let running = 0;
  return {
    bucket: res.bucket,
    spansDays: Date.parse(res.to) - Date.parse(res.from) > 86_400_000,
    volume: points.map((p) => ({ time: p.time, ok: p.count - p.errors, errors: p.errors })),
    errorRate: points.map((p) => ({ time: p.time, errorRate: ratePct(p.errorRate) })),
    latencyUnit,
    latency: points.map((p) => ({ time: p.time, p50: inUnit(p.latencyP50, latencyUnit), p95: inUnit(p.latencyP95, latencyUnit), p99: inUnit(p.latencyP99, latencyUnit) })),
    ttftUnit,
    ttft: points.map((p) => ({ time: p.time, p50: inUnit(p.ttftP50, ttftUnit), p95: inUnit(p.ttftP95, ttftUnit) })),
    cost: points.map((p) => {
      running += p.cost;
      return { time: p.time, cost: p.cost, cumulative: round(running, 6) };
    }),
    tokens: points.map((p) => ({ time: p.time, input: p.inputTokens, output: p.outputTokens })),
    feedback: pooledUpRates(points).map((upRate, i) => ({ time: points[i]!.time, up: points[i]!.thumbsUp, down: points[i]!.thumbsDown, upRate })),
    // Counts, with the bucket's calls for the tooltip: a per-bucket rate over a handful of calls only flips 0 ↔ 100 %.
    flags: points.map((p) => ({ time: p.time, pii: p.flaggedPii, injection: p.flaggedInjection, uncertainty: p.flaggedUncertainty, calls: p.count })),
  };
}
export type OverviewCharts = ReturnType<typeof prepareOverviewCharts>;

/* ---------- Period-over-period comparison ---------- */

export type Delta = { absolute: number; relative: number | null };
export type Better = "higher" | "lower" | null;
export type Compared = { current: number | null; previous: number | null; delta: Delta | null };

export function delta(current: number | null, previous: number | null): Delta | null {
  if (current === null || previous === null) return null;
  const absolute = current - previous;
  if (previous === 0) return { absolute, relative: current === 0 ? 0 : null };
  return { absolute, relative: absolute / Math.abs(previous) };
}

/**
 * Whether a change is good news; tiny float noise counts as no change. A change from zero that reads "new"
 * (a relative change of anything but a rate) has no size to judge, so it stays neutral for every metric alike.
 */
export function deltaTone(d: Delta | null, better: Better, kind: MetricKind = "count"): "good" | "bad" | "neutral" {
  if (!d || better === null || Math.abs(d.absolute) < 1e-9) return "neutral";
  if (d.relative === null && kind !== "rate") return "neutral";
  return (d.absolute > 0) === (better === "higher") ? "good" : "bad";
}

export type MetricColumn = { key: string; label: string; kind: MetricKind; better: Better; pick: (p: MetricPoint) => number | null };
const costPer1k = (p: MetricPoint) => (p.count > 0 ? (p.cost / p.count) * 1000 : null);

export const BREAKDOWN_COLUMNS = [
  { key: "requests", label: "Requests", kind: "count", better: null, pick: (p) => p.count },
  { key: "latencyP95", label: "p95 latency", kind: "ms", better: "lower", pick: (p) => p.latencyP95 },
  { key: "costPer1k", label: "Cost / 1k req", kind: "cost", better: "lower", pick: costPer1k },
  { key: "thumbsUpRate", label: "Thumbs-up", kind: "rate", better: "higher", pick: (p) => p.thumbsUpRate },
  { key: "errorRate", label: "Error rate", kind: "rate", better: "lower", pick: (p) => p.errorRate },
] as const satisfies readonly MetricColumn[];

/** A metric now and in the previous period; with no previous data at all there is nothing to compare. */
export function compare(current: MetricPoint | undefined, previous: MetricPoint | undefined, pick: (p: MetricPoint) => number | null): Compared {
  const c = current ? pick(current) : null;
  const p = previous ? pick(previous) : null;
  return { current: c, previous: p, delta: delta(c, p) };
}

export type BreakdownRow = { key: string; label: string; cells: Compared[] };
type Groups = MetricsResponse["groups"];

/** One row per group key with calls in either period (a model that vanished still shows), busiest first. */
export function prepareBreakdown(current: Groups, previous: Groups): BreakdownRow[] {
  const now = new Map((current ?? []).map((g) => [g.key, g.totals]));
  const before = new Map((previous ?? []).map((g) => [g.key, g.totals]));
  const count = (m: Map<string, MetricPoint>, k: string) => m.get(k)?.count ?? 0;
  // Feedback-only groups (thumbs on traces whose spans had no model) have no calls to compare.
  const keys = [...new Set([...now.keys(), ...before.keys()])].filter((k) => count(now, k) + count(before, k) > 0);
  keys.sort((a, b) => count(now, b) - count(now, a) || count(before, b) - count(before, a) || a.localeCompare(b));
  return keys.map((key) => ({
    key,
    label: key === "" ? "(none)" : key,
    cells: BREAKDOWN_COLUMNS.map((c) => compare(now.get(key) ?? (before.has(key) ? EMPTY_POINT : undefined), before.get(key), c.pick)),
  }));
}

/** Distinct group keys for a filter's options, keeping the selected one even when it has no data now. */
export function groupOptions(selected: string | undefined, ...groups: Groups[]): string[] {
  const keys = new Set(groups.flatMap((g) => (g ?? []).map((x) => x.key)).filter(Boolean));
  if (selected) keys.add(selected);
  return [...keys].sort((a, b) => a.localeCompare(b));
}
