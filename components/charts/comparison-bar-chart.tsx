"use client";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { ChartTooltip } from "./chart-tooltip";

export type ComparisonSeries = { key: string; label: string; color: string };

export type ComparisonBarChartProps = {
  /** One row per category, with a value per series key (null: nothing to show). */
  data: readonly ({ category: string } & Record<string, number | string | null>)[];
  series: readonly ComparisonSeries[];
  formatValue: (value: number) => string;
  height?: number;
};

const AXIS = { fontSize: 11, fill: "#71717a" };

/** Grouped bars, one group per category, one bar per series; what to compare comes from the props. */
export function ComparisonBarChart({ data, series, formatValue, height = 180 }: ComparisonBarChartProps) {
  const order = series.map((s) => s.key);
  return (
    <BarChart responsive data={[...data]} style={{ width: "100%", height }} margin={{ top: 4, right: 8, bottom: 0, left: 0 }} barCategoryGap="25%">
      <CartesianGrid vertical={false} stroke="#e4e4e7" strokeDasharray="3 3" />
      <XAxis dataKey="category" tick={AXIS} tickLine={false} axisLine={{ stroke: "#d4d4d8" }} />
      <YAxis tickFormatter={formatValue} tick={AXIS} tickLine={false} axisLine={false} width={52} />
      <Tooltip
        isAnimationActive={false}
        content={(props) => <ChartTooltip active={props.active} payload={props.payload} label={props.label} formatLabel={String} formatValue={(_, v) => formatValue(v)} order={order} />}
        cursor={{ fill: "rgba(113,113,122,0.08)" }}
      />
      <Legend iconSize={8} wrapperStyle={{ fontSize: 11 }} itemSorter={null} />
      {series.map((s) => (
        <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} maxBarSize={40} isAnimationActive={false} />
      ))}
    </BarChart>
  );
}
