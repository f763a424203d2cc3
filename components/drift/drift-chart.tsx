"use client";
import { useMemo } from "react";
import { Area, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import { type DriftChartRow, driftTicks } from "@/lib/drift/chart/prepare-drift-chart";
import { niceAxis } from "@/lib/drift/chart/projection-view";

const AXIS = { fontSize: 11, fill: "#71717a" };
/** About one short label ("Nov 24") per 70 px of a half-width card at 1024 px. */
const MAX_TICKS = 8;

/** Distance per window over the noise band (below the effect-size floor), drifted windows marked red. */
export function DriftChart({ rows, height = 220 }: { rows: DriftChartRow[]; height?: number }) {
  // Explicit ticks: recharts' own thinning drops labels by position and dropped the drifted day's at 1024 px.
  const ticks = useMemo(() => driftTicks(rows, MAX_TICKS), [rows]);
  const tickOf = useMemo(() => new Map(rows.map((r) => [r.time, r.tick])), [rows]);
  // Round y ticks (0.05, 0.10, …): recharts' own split the range into 0.075 steps that printed as "0.07".
  const y = useMemo(() => niceAxis(0, Math.max(0.01, ...rows.flatMap((r) => [r.distance ?? 0, r.band ?? 0])), 4), [rows]);
  return (
    <div data-testid="drift-chart">
      <ComposedChart responsive data={rows} style={{ width: "100%", height }} margin={{ top: 8, right: 24, bottom: 0, left: 0 }}>
        <CartesianGrid vertical={false} stroke="#e4e4e7" strokeDasharray="3 3" />
        <XAxis dataKey="time" type="category" ticks={ticks} interval={0} tickFormatter={(t: number) => tickOf.get(t) ?? ""} tick={AXIS} tickLine={false} axisLine={{ stroke: "#d4d4d8" }} />
        <YAxis domain={y.domain} ticks={y.ticks} tick={AXIS} tickLine={false} axisLine={false} width={44} tickFormatter={(v: number) => v.toFixed(Math.max(2, y.decimals))} />
        <Tooltip isAnimationActive={false} content={({ active, payload }) => <WindowTooltip active={active} row={payload?.[0]?.payload as DriftChartRow | undefined} />} />
        <Legend iconSize={8} wrapperStyle={{ fontSize: 11 }} />
        <Area dataKey="band" name="noise band (effect floor)" type="stepAfter" stroke="none" fill="#a1a1aa" fillOpacity={0.2} isAnimationActive={false} connectNulls />
        {/* Straight segments: a window is one number, and a smooth curve would invent values between windows. */}
        <Line dataKey="distance" name="centroid distance (red: drifted)" type="linear" stroke="#4f46e5" strokeWidth={2} isAnimationActive={false} connectNulls={false}
          dot={(props: { cx?: number; cy?: number; index?: number; payload?: DriftChartRow }) => {
            const drifted = props.payload?.drifted !== null && props.payload?.drifted !== undefined;
            if (props.cx === undefined || props.cy === undefined || props.payload?.distance === null) return <g key={props.index} />;
            return drifted
              ? <circle key={props.index} className="drift-marker" data-testid="drifted-window" cx={props.cx} cy={props.cy} r={6} fill="#dc2626" stroke="#fff" strokeWidth={2} />
              : <circle key={props.index} cx={props.cx} cy={props.cy} r={3} fill="#4f46e5" />;
          }} />
      </ComposedChart>
    </div>
  );
}

function WindowTooltip({ active, row }: { active?: boolean; row?: DriftChartRow }) {
  if (!active || !row) return null;
  return (
    <div className="rounded-md border border-zinc-200 bg-white/95 px-2.5 py-1.5 text-xs shadow-sm tabular-nums dark:border-zinc-700 dark:bg-zinc-900/95">
      <p className="mb-1 font-medium">{row.label}</p>
      <p>distance <b>{row.distance === null ? "—" : row.distance.toFixed(3)}</b> (floor {row.band?.toFixed(3) ?? "—"}, noise {row.noise?.toFixed(3) ?? "—"})</p>
      <p>corrected p {row.pValue === null ? "—" : row.pValue < 0.001 ? "< 0.001" : row.pValue.toFixed(3)}</p>
      {row.note && <p className="text-amber-700 dark:text-amber-300">not tested: {row.note}</p>}
      <p className="text-zinc-500">vectors: reference → window {row.counts}</p>
      {row.drifted !== null && <p className="font-medium text-red-600">drifted</p>}
    </div>
  );
}
