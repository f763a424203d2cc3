"use client";
import { useRouter } from "next/navigation";
import { CartesianGrid, Legend, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import type { DriftPoint } from "@/lib/queries/drift";

const AXIS = { fontSize: 10, fill: "#a1a1aa" };

/** PCA projection of a sample of reference vs current vectors; a click opens the point's trace. */
export function ProjectionScatter({ projectId, points, highlight, height = 300 }: { projectId: string; points: DriftPoint[]; highlight: number | null; height?: number }) {
  const router = useRouter();
  const reference = points.filter((p) => p.set === "reference");
  const current = points.filter((p) => p.set === "current");
  const open = (item: unknown) => {
    const p = (item as { payload?: DriftPoint })?.payload;
    if (p?.traceId) router.push(`/project/${projectId}/traces/${p.traceId}`);
  };
  const opacity = (set: DriftPoint[]) => (highlight === null ? undefined : set.map((p) => (p.cluster === highlight ? 1 : 0.15)));
  return (
    <div data-testid="drift-projection">
      <ScatterChart responsive style={{ width: "100%", height }} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="#f4f4f5" />
        <XAxis type="number" dataKey="x" name="PC1" tick={AXIS} tickLine={false} axisLine={false} tickFormatter={(v: number) => v.toFixed(1)} />
        <YAxis type="number" dataKey="y" name="PC2" tick={AXIS} tickLine={false} axisLine={false} width={32} tickFormatter={(v: number) => v.toFixed(1)} />
        <Tooltip cursor={false} content={({ active, payload }) => {
          const p = payload?.[0]?.payload as DriftPoint | undefined;
          return active && p ? <div className="rounded border border-zinc-200 bg-white px-2 py-1 text-xs shadow-sm dark:border-zinc-700 dark:bg-zinc-900">{p.set} · cluster {p.cluster + 1}<br /><span className="font-mono text-zinc-500">{p.traceId.slice(0, 12)}…</span> — click to open</div> : null;
        }} />
        <Legend iconSize={8} wrapperStyle={{ fontSize: 11 }} />
        <Scatter name={`current window (${current.length})`} data={current} fill="#4f46e5" onClick={open} isAnimationActive={false} cursor="pointer"
          shape={(props: { cx?: number; cy?: number; index?: number }) => <circle cx={props.cx} cy={props.cy} r={3.5} fill="#4f46e5" opacity={opacity(current)?.[props.index ?? 0] ?? 0.8} />} />
        {/* Reference on top as rings, so old questions that the window still asks stay visible; a transparent
            (not "none") fill keeps the whole ring clickable, not only its stroke. */}
        <Scatter name={`reference (${reference.length})`} data={reference} fill="#71717a" onClick={open} isAnimationActive={false} cursor="pointer"
          shape={(props: { cx?: number; cy?: number; index?: number }) => <circle cx={props.cx} cy={props.cy} r={4.5} fill="transparent" stroke="#71717a" strokeWidth={1.5} opacity={opacity(reference)?.[props.index ?? 0] ?? 0.7} />} />
      </ScatterChart>
    </div>
  );
}
