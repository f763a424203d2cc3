"use client";
import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { CartesianGrid, Legend, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import { projectionView } from "@/lib/drift/chart/projection-view";
import type { DriftPoint } from "@/lib/queries/drift/keys";

const AXIS = { fontSize: 10, fill: "#a1a1aa" };
type Shown = DriftPoint & { clamped: boolean; stacked: number };
type ShapeProps = { cx?: number; cy?: number; index?: number; payload?: Shown };

/** PCA projection of a sample of reference vs current vectors; a click opens the point's trace. */
export function ProjectionScatter({ projectId, points, highlight, height = 300 }: { projectId: string; points: DriftPoint[]; highlight: number | null; height?: number }) {
  const router = useRouter();
  const view = useMemo(() => projectionView(points), [points]);
  const reference = view.points.filter((p) => p.set === "reference");
  const current = view.points.filter((p) => p.set === "current");
  const open = (item: unknown) => {
    const p = (item as { payload?: DriftPoint })?.payload;
    if (p?.traceId) router.push(`/project/${projectId}/traces/${p.traceId}`);
  };
  const opacity = (set: Shown[]) => (highlight === null ? undefined : set.map((p) => (p.cluster === highlight ? 1 : 0.15)));
  // A point pinned to the edge gets a dashed outline: its place there is not its real position.
  const edge = (p?: Shown) => (p?.clamped ? { strokeDasharray: "2 1.5" } : {});
  return (
    <div data-testid="drift-projection">
      <ScatterChart responsive style={{ width: "100%", height }} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="#f4f4f5" />
        <XAxis type="number" dataKey="x" name="PC1" domain={view.x.domain} ticks={view.x.ticks} allowDataOverflow tick={AXIS} tickLine={false} axisLine={false} tickFormatter={(v: number) => v.toFixed(view.x.decimals)} />
        <YAxis type="number" dataKey="y" name="PC2" domain={view.y.domain} ticks={view.y.ticks} allowDataOverflow tick={AXIS} tickLine={false} axisLine={false} width={36} tickFormatter={(v: number) => v.toFixed(view.y.decimals)} />
        <Tooltip isAnimationActive={false} cursor={false} content={({ active, payload }) => {
          const p = payload?.[0]?.payload as Shown | undefined;
          return active && p ? (
            <div className="rounded border border-zinc-200 bg-white px-2 py-1 text-xs shadow-sm dark:border-zinc-700 dark:bg-zinc-900">
              {p.set} · cluster {p.cluster + 1}{p.clamped ? " · outlier, shown at the edge" : ""}
              {p.stacked > 1 && <><br /><span className="text-zinc-500">{`one of ${p.stacked} identical texts, fanned out around one spot`}</span></>}<br /><span className="font-mono text-zinc-500">{p.traceId.slice(0, 12)}…</span> — click to open
            </div>
          ) : null;
        }} />
        <Legend iconSize={8} wrapperStyle={{ fontSize: 11 }} />
        <Scatter name={`current window (${current.length})`} data={current} fill="#4f46e5" onClick={open} isAnimationActive={false} cursor="pointer"
          shape={(props: ShapeProps) => <circle cx={props.cx} cy={props.cy} r={3.5} fill="#4f46e5" stroke={props.payload?.clamped ? "#312e81" : "none"} {...edge(props.payload)} opacity={opacity(current)?.[props.index ?? 0] ?? 0.8} />} />
        {/* Reference on top as rings, so old questions that the window still asks stay visible; a transparent
            (not "none") fill keeps the whole ring clickable, not only its stroke. */}
        <Scatter name={`reference (${reference.length})`} data={reference} fill="#71717a" onClick={open} isAnimationActive={false} cursor="pointer"
          shape={(props: ShapeProps) => <circle cx={props.cx} cy={props.cy} r={4.5} fill="transparent" stroke="#71717a" strokeWidth={1.5} {...edge(props.payload)} opacity={opacity(reference)?.[props.index ?? 0] ?? 0.7} />} />
      </ScatterChart>
      <p className="mt-1 text-xs text-zinc-500">Identical texts share a position; their points are fanned out in a small disc around it, so a disc&apos;s size shows how often the text came.</p>
      {view.clamped > 0 && (
        <p className="mt-1 text-xs text-zinc-500">{`${view.clamped} outlier${view.clamped === 1 ? "" : "s"} outside the axes ${view.clamped === 1 ? "is" : "are"} drawn at the edge (dashed).`}</p>
      )}
    </div>
  );
}
