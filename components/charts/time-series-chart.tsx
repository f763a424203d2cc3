"use client";
import { Area, Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import { ChartTooltip } from "./chart-tooltip";

export type SeriesConfig = {
  key: string;
  label: string;
  color: string;
  kind: "line" | "area" | "bar";
  axis?: "left" | "right";
  /** Series sharing a stack id are drawn on top of each other. */
  stack?: string;
};

export type TimeSeriesChartProps = {
  data: readonly ({ time: number } & Record<string, number | null>)[];
  series: readonly SeriesConfig[];
  formatX: (time: number) => string;
  formatLeft: (value: number) => string;
  formatRight?: (value: number) => string;
  height?: number;
};

const AXIS = { fontSize: 11, fill: "#71717a" };

/** Bars, lines and areas over time from prepared rows; every choice of what to show comes from the props. */
export function TimeSeriesChart({ data, series, formatX, formatLeft, formatRight, height = 180 }: TimeSeriesChartProps) {
  const hasRight = series.some((s) => s.axis === "right");
  const axisOf = new Map(series.map((s) => [s.key, s.axis ?? "left"]));
  const formatValue = (key: string, v: number) => (axisOf.get(key) === "right" && formatRight ? formatRight(v) : formatLeft(v));
  return (
    <ComposedChart responsive data={data as ({ time: number } & Record<string, number | null>)[]} style={{ width: "100%", height }} margin={{ top: 4, right: hasRight ? 0 : 8, bottom: 0, left: 0 }}>
      <CartesianGrid vertical={false} stroke="#e4e4e7" strokeDasharray="3 3" />
      <XAxis dataKey="time" tickFormatter={formatX} tick={AXIS} tickLine={false} axisLine={{ stroke: "#d4d4d8" }} minTickGap={24} />
      <YAxis yAxisId="left" tickFormatter={formatLeft} tick={AXIS} tickLine={false} axisLine={false} width={52} />
      {hasRight && <YAxis yAxisId="right" orientation="right" tickFormatter={formatRight ?? formatLeft} tick={AXIS} tickLine={false} axisLine={false} width={52} />}
      <Tooltip content={(props) => <ChartTooltip active={props.active} payload={props.payload} label={props.label} formatLabel={formatX} formatValue={formatValue} />} cursor={{ fill: "rgba(113,113,122,0.08)" }} />
      {series.length > 1 && <Legend iconSize={8} wrapperStyle={{ fontSize: 11 }} />}
      {series.map((s) => {
        const common = { key: s.key, dataKey: s.key, name: s.label, yAxisId: s.axis ?? "left", isAnimationActive: false };
        if (s.kind === "bar") return <Bar {...common} fill={s.color} stackId={s.stack} maxBarSize={24} />;
        if (s.kind === "area") return <Area {...common} type="monotone" stroke={s.color} fill={s.color} fillOpacity={0.15} stackId={s.stack} dot={false} />;
        return <Line {...common} type="monotone" stroke={s.color} strokeWidth={1.5} dot={false} connectNulls={false} />;
      })}
    </ComposedChart>
  );
}
