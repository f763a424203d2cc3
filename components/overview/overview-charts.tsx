import { memo, useMemo } from "react";
import { type SeriesConfig, TimeSeriesChart } from "@/components/charts/time-series-chart";
import { formatCost } from "@/lib/format/format-cost";
import { formatCount } from "@/lib/format/format-count";
import { formatBucketTime } from "@/lib/format/format-date";
import { formatInUnit } from "@/lib/format/format-duration";
import { formatPercent } from "@/lib/format/format-percent";
import type { OverviewCharts as Charts } from "@/lib/metrics/prepare-overview";
import { ChartCard } from "./chart-card";

export const COLORS = { indigo: "#6366f1", red: "#ef4444", green: "#10b981", amber: "#f59e0b", sky: "#0ea5e9", violet: "#8b5cf6", zinc: "#a1a1aa" };

const VOLUME: SeriesConfig[] = [
  { key: "ok", label: "Succeeded", color: COLORS.indigo, kind: "bar", stack: "calls" },
  { key: "errors", label: "Errored", color: COLORS.red, kind: "bar", stack: "calls" },
];
const ERROR_RATE: SeriesConfig[] = [{ key: "errorRate", label: "Error rate", color: COLORS.red, kind: "area", curve: "linear" }];
const LATENCY: SeriesConfig[] = [
  { key: "p50", label: "p50", color: COLORS.sky, kind: "line" },
  { key: "p95", label: "p95", color: COLORS.indigo, kind: "line" },
  { key: "p99", label: "p99", color: COLORS.violet, kind: "line" },
];
const TTFT: SeriesConfig[] = LATENCY.slice(0, 2);
const COST: SeriesConfig[] = [
  { key: "cost", label: "Per bucket", color: COLORS.green, kind: "bar" },
  { key: "cumulative", label: "Cumulative", color: COLORS.zinc, kind: "line", axis: "right" },
];
const TOKENS: SeriesConfig[] = [
  { key: "input", label: "Input", color: COLORS.sky, kind: "bar", stack: "tokens" },
  { key: "output", label: "Output", color: COLORS.violet, kind: "bar", stack: "tokens" },
];
// Counts, stacked, rather than a rate per flag: with a handful of calls per bucket a rate only jumps between
// 0 and 100 %, and three lines resting on the zero line blur into a band. The tooltip gives the bucket's calls.
const FLAGS: SeriesConfig[] = [
  { key: "pii", label: "PII", color: COLORS.amber, kind: "bar", stack: "flags" },
  { key: "injection", label: "Injection", color: COLORS.red, kind: "bar", stack: "flags" },
  { key: "uncertainty", label: "Uncertainty", color: COLORS.violet, kind: "bar", stack: "flags" },
];
const flagsNote = (row: Record<string, unknown>) => (typeof row.calls === "number" ? `of ${formatCount(row.calls)} LLM call${row.calls === 1 ? "" : "s"}` : null);

export function timeFormatter(charts: Charts | undefined) {
  return (t: number) => (charts ? formatBucketTime(t, charts.bucket, charts.spansDays) : "");
}

/**
 * The per-bucket charts for the range; feedback has its own card because it lists comments beside it.
 * Memoised with stable formatters, so the parent's re-renders (each query's status change) skip the charts.
 */
export const OverviewCharts = memo(function OverviewCharts({ charts }: { charts: Charts | undefined }) {
  const loading = !charts;
  const x = useMemo(() => timeFormatter(charts), [charts]);
  const latencyUnit = charts?.latencyUnit ?? "ms";
  const ttftUnit = charts?.ttftUnit ?? "ms";
  const formatLatency = useMemo(() => (v: number) => formatInUnit(v, latencyUnit), [latencyUnit]);
  const formatTtft = useMemo(() => (v: number) => formatInUnit(v, ttftUnit), [ttftUnit]);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <ChartCard title="Requests" description="LLM calls per bucket, errored ones in red" testId="chart-volume" loading={loading}>
        {charts && <TimeSeriesChart data={charts.volume} series={VOLUME} formatX={x} formatLeft={formatCount} integerLeft />}
      </ChartCard>
      <ChartCard title="Error rate" description="Share of LLM calls that ended in an error" testId="chart-errors" loading={loading}>
        {charts && <TimeSeriesChart data={charts.errorRate} series={ERROR_RATE} formatX={x} formatLeft={formatPercent} />}
      </ChartCard>
      <ChartCard title="Latency" description="End-to-end duration of LLM calls" testId="chart-latency" loading={loading} lazy>
        {charts && <TimeSeriesChart data={charts.latency} series={LATENCY} formatX={x} formatLeft={formatLatency} />}
      </ChartCard>
      <ChartCard title="Time to first token" description="Streaming calls only" testId="chart-ttft" loading={loading} lazy>
        {charts && <TimeSeriesChart data={charts.ttft} series={TTFT} formatX={x} formatLeft={formatTtft} />}
      </ChartCard>
      <ChartCard title="Cost" description="USD per bucket and running total over the range" testId="chart-cost" loading={loading} lazy>
        {charts && <TimeSeriesChart data={charts.cost} series={COST} formatX={x} formatLeft={formatCost} formatRight={formatCost} />}
      </ChartCard>
      <ChartCard title="Tokens" description="Input and output tokens per bucket" testId="chart-tokens" loading={loading} lazy>
        {charts && <TimeSeriesChart data={charts.tokens} series={TOKENS} formatX={x} formatLeft={formatCount} integerLeft />}
      </ChartCard>
      <ChartCard title="Flagged calls" description="LLM calls flagged for PII, prompt injection or uncertainty per bucket (a call can carry several flags)" testId="chart-flags" loading={loading} lazy height={160} className="lg:col-span-2">
        {charts && <TimeSeriesChart data={charts.flags} series={FLAGS} formatX={x} formatLeft={formatCount} integerLeft note={flagsNote} height={160} />}
      </ChartCard>
    </div>
  );
});
