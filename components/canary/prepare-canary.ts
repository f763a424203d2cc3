import { formatCost } from "@/lib/format/format-cost";
import { formatCount } from "@/lib/format/format-count";
import { formatDuration } from "@/lib/format/format-duration";
import { formatPercent, formatPointChange, formatRate, formatRelativeChange } from "@/lib/format/format-percent";
import type { Canary, CanaryComparison, CanarySide, RateDifference } from "@/lib/queries/prompts/keys";

export type Tone = "red" | "green" | "zinc" | "amber" | "indigo";
export type Verdict = { tone: Tone; text: string };
export type ComparisonRow = { key: string; label: string; main: string; canary: string; change: string; pValue: string | null; verdict: Verdict | null };

/** "< 0.001" below a thousandth: more digits only suggest a precision the test does not have. */
export function formatPValue(p: number): string {
  if (p < 0.001) return "< 0.001";
  return p.toFixed(3);
}

/**
 * A rate difference in plain words. `higherIsBetter` says which way "worse" points; n counts
 * the trials of each side (calls, or votes for thumbs-up). Significance at the two usual levels.
 */
export function rateVerdict(diff: RateDifference, options: { higherIsBetter: boolean; n: { canary: number; main: number } }): Verdict {
  const n = `n = ${formatCount(options.n.canary)} vs ${formatCount(options.n.main)}`;
  if (!diff) return { tone: "zinc", text: options.n.canary === 0 || options.n.main === 0 ? `not enough data to test yet (${n})` : `no difference to test (${n})` };
  const level = diff.pValue < 0.01 ? "0.01" : diff.pValue < 0.05 ? "0.05" : null;
  if (!level || diff.difference === 0) return { tone: "zinc", text: `no significant difference yet (${n})` };
  const better = diff.difference > 0 === options.higherIsBetter;
  return { tone: better ? "green" : "red", text: `${better ? "better" : "worse"}, significant at p < ${level}` };
}

const relative = (c: number | null, m: number | null) => (c === null || m === null ? "—" : m === 0 ? (c === 0 ? "±0%" : "new") : formatRelativeChange((c - m) / m));

/** The comparison table: one row per measure, main first, then the canary, the change and its test. */
export function prepareComparisonRows(data: CanaryComparison): ComparisonRow[] {
  const { main, canaryVersion: c, differences: d } = data;
  const votes = (s: CanarySide) => s.thumbsUp + s.thumbsDown;
  const total = main.calls + c.calls;
  return [
    { key: "calls", label: "Calls", main: formatCount(main.calls), canary: formatCount(c.calls), change: total ? `${formatRate(c.calls / total)} to the canary (target ${formatPercent(data.canary.percent)})` : "—", pValue: null, verdict: null },
    {
      key: "errorRate", label: "Error rate", main: formatRate(main.errorRate), canary: formatRate(c.errorRate),
      change: d.errorRate ? formatPointChange(d.errorRate.difference) : "—", pValue: d.errorRate ? formatPValue(d.errorRate.pValue) : null,
      verdict: rateVerdict(d.errorRate, { higherIsBetter: false, n: { canary: c.calls, main: main.calls } }),
    },
    { key: "latencyP50", label: "p50 latency", main: formatDuration(main.latencyP50), canary: formatDuration(c.latencyP50), change: relative(c.latencyP50, main.latencyP50), pValue: null, verdict: null },
    { key: "latencyP95", label: "p95 latency", main: formatDuration(main.latencyP95), canary: formatDuration(c.latencyP95), change: relative(c.latencyP95, main.latencyP95), pValue: null, verdict: null },
    { key: "costPerCall", label: "Cost per call", main: formatCost(main.costPerCall), canary: formatCost(c.costPerCall), change: relative(c.costPerCall, main.costPerCall), pValue: null, verdict: null },
    {
      key: "thumbsUpRate", label: "Thumbs-up rate", main: `${formatRate(main.thumbsUpRate)} of ${formatCount(votes(main))} votes`, canary: `${formatRate(c.thumbsUpRate)} of ${formatCount(votes(c))} votes`,
      change: d.thumbsUpRate ? formatPointChange(d.thumbsUpRate.difference) : "—", pValue: d.thumbsUpRate ? formatPValue(d.thumbsUpRate.pValue) : null,
      verdict: rateVerdict(d.thumbsUpRate, { higherIsBetter: true, n: { canary: votes(c), main: votes(main) } }),
    },
  ];
}

export type BarRow = { category: string; main: number | null; canary: number | null };

/** Bar-chart rows: rates in percent on one chart, latency in ms on another (their scales differ). */
export function prepareComparisonBars(data: CanaryComparison): { rates: BarRow[]; latency: BarRow[] } {
  const { main, canaryVersion: c } = data;
  const pct = (v: number | null) => (v === null ? null : v * 100);
  return {
    rates: [
      { category: "Error rate", main: pct(main.errorRate), canary: pct(c.errorRate) },
      { category: "Thumbs-up rate", main: pct(main.thumbsUpRate), canary: pct(c.thumbsUpRate) },
    ],
    latency: [
      { category: "p50", main: main.latencyP50, canary: c.latencyP50 },
      { category: "p95", main: main.latencyP95, canary: c.latencyP95 },
    ],
  };
}

export type StatusView = { label: string; tone: Tone; detail: string | null };

export function canaryStatusView(canary: Pick<Canary, "status" | "endedReason">): StatusView {
  switch (canary.status) {
    case "active": return { label: "Active", tone: "indigo", detail: null };
    case "promoted": return { label: "Promoted", tone: "green", detail: canary.endedReason === "promoted" ? null : canary.endedReason };
    case "guard_ended": return { label: "Ended by guard", tone: "red", detail: canary.endedReason?.replace(/^guard: /, "") ?? null };
    default: return { label: "Ended", tone: "zinc", detail: canary.endedReason };
  }
}
