"use client";
import { memo, useMemo } from "react";
import { Area, Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import { ChartTooltip } from "./chart-tooltip";
import { isolatedIndices } from "./isolated-points";

export type SeriesConfig = {
  key: string;
  label: string;
  color: string;
  kind: "line" | "area" | "bar";
  axis?: "left" | "right";
  /** Series sharing a stack id are drawn on top of each other. */
  stack?: string;
  /** "linear" for rates: a smoothed curve between 0 % and 100 % buckets bulges past both and reads as data. */
  curve?: "monotone" | "linear";
};

type Row = { time: number } & Record<string, number | null>;

export type TimeSeriesChartProps = {
  data: readonly Row[];
  series: readonly SeriesConfig[];
  formatX: (time: number) => string;
  formatLeft: (value: number) => string;
  formatRight?: (value: number) => string;
  /** The left axis counts things (calls, tokens, votes): ticks at 0.5 of a call would be nonsense. */
  integerLeft?: boolean;
  /** An extra tooltip line about the whole bucket (e.g. how many calls it had). */
  note?: (row: Record<string, unknown>) => string | null;
  height?: number;
};

const AXIS = { fontSize: 11, fill: "#71717a" };
type DotProps = { cx?: number; cy?: number; index?: number };

/**
 * Bars, lines and areas over time from prepared rows; every choice of what to show comes from the props.
 * Memoised: the overview re-renders on every query status change, and eight charts are the expensive part.
 */
export const TimeSeriesChart = memo(function TimeSeriesChart({ data, series, formatX, formatLeft, formatRight, integerLeft, note, height = 180 }: TimeSeriesChartProps) {
  const hasRight = series.some((s) => s.axis === "right");
  const order = useMemo(() => series.map((s) => s.key), [series]);
  const formatValue = useMemo(() => {
    const axisOf = new Map(series.map((s) => [s.key, s.axis ?? "left"]));
    return (key: string, v: number) => (axisOf.get(key) === "right" && formatRight ? formatRight(v) : formatLeft(v));
  }, [series, formatLeft, formatRight]);
  // Lines stay dot-free when dense; only points a line cannot reach get one.
  const lone = useMemo(() => new Map(series.map((s) => [s.key, isolatedIndices(data, s.key)])), [data, series]);
  const loneDot = (s: SeriesConfig) => (props: DotProps) => {
    const { cx, cy, index = -1 } = props;
    if (cx === undefined || cy === undefined || !lone.get(s.key)?.has(index)) return <g key={index} />;
    return <circle key={index} cx={cx} cy={cy} r={2.5} fill={s.color} stroke={s.color} />;
  };
  return (
    <ComposedChart responsive data={data as Row[]} style={{ width: "100%", height }} margin={{ top: 4, right: hasRight ? 0 : 8, bottom: 0, left: 0 }}>
      <CartesianGrid vertical={false} stroke="#e4e4e7" strokeDasharray="3 3" />
      <XAxis dataKey="time" tickFormatter={formatX} tick={AXIS} tickLine={false} axisLine={{ stroke: "#d4d4d8" }} minTickGap={24} />
      <YAxis yAxisId="left" tickFormatter={formatLeft} tick={AXIS} tickLine={false} axisLine={false} width={52} allowDecimals={!integerLeft} />
      {hasRight && <YAxis yAxisId="right" orientation="right" tickFormatter={formatRight ?? formatLeft} tick={AXIS} tickLine={false} axisLine={false} width={52} />}
      <Tooltip
        isAnimationActive={false}
        content={(props) => <ChartTooltip active={props.active} payload={props.payload} label={props.label} formatLabel={formatX} formatValue={formatValue} order={order} note={note} />}
        cursor={{ fill: "rgba(113,113,122,0.08)" }}
      />
      {/* Series order, not recharts' default alphabetical one, so legend and tooltip agree. */}
      {series.length > 1 && <Legend iconSize={8} wrapperStyle={{ fontSize: 11 }} itemSorter={null} />}
      {series.map((s) => {
        const common = { key: s.key, dataKey: s.key, name: s.label, yAxisId: s.axis ?? "left", isAnimationActive: false };
        const curve = s.curve ?? "monotone";
        if (s.kind === "bar") return <Bar {...common} fill={s.color} stackId={s.stack} maxBarSize={24} />;
        if (s.kind === "area") return <Area {...common} type={curve} stroke={s.color} fill={s.color} fillOpacity={0.15} stackId={s.stack} dot={loneDot(s)} />;
        return <Line {...common} type={curve} stroke={s.color} strokeWidth={1.5} dot={loneDot(s)} connectNulls={false} />;
      })}
    </ComposedChart>
  );
});
