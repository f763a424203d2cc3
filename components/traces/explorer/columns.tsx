import { createColumnHelper } from "@tanstack/react-table";
import { format } from "date-fns";
import { formatCost } from "@/lib/format/format-cost";
import { formatTokens } from "@/lib/format/format-count";
import { formatDuration } from "@/lib/format/format-duration";
import type { TraceRow } from "@/lib/queries/traces/keys";
import type { ColumnId } from "./column-visibility";
import { Feedback, Flags, StatusBadge, Tags } from "./trace-cells";

const col = createColumnHelper<TraceRow>();
const clip = (v: string | null) => (v ? <span className="block truncate" title={v}>{v}</span> : <span className="text-zinc-400">—</span>);

/**
 * Columns in display order; `meta.sort` marks the ones the server can sort by. `meta.min` is the
 * track's width in rem, and `meta.grow` makes it share the spare width: Input and Output take
 * most of it (they are what one scans for), Name a little so it stops truncating.
 */
export const COLUMNS = [
  col.accessor("startTime", { header: "Time", cell: (c) => <span className="tabular-nums">{format(new Date(c.getValue()), "MMM d HH:mm:ss")}</span>, meta: { sort: "startTime", min: 8.5 } }),
  col.accessor("name", { header: "Name", cell: (c) => clip(c.getValue()), meta: { min: 6, grow: 0.5 } }),
  col.accessor("inputPreview", { header: "Input", cell: (c) => clip(c.getValue()), meta: { min: 7, grow: 1 } }),
  col.accessor("outputPreview", { header: "Output", cell: (c) => clip(c.getValue()), meta: { min: 7, grow: 1 } }),
  col.accessor("status", { header: "Status", cell: (c) => <StatusBadge row={c.row.original} />, meta: { min: 5.25 } }),
  col.accessor("latencyMs", { header: "Latency", cell: (c) => <span className="tabular-nums">{formatDuration(c.getValue())}</span>, meta: { sort: "latency", min: 5.5, align: "right" } }),
  col.accessor("totalCost", { header: "Cost", cell: (c) => <span className="tabular-nums">{formatCost(c.getValue())}</span>, meta: { sort: "cost", min: 6.25, align: "right" } }),
  col.accessor((r) => r.usage.totalTokens, { id: "tokens", header: "Tokens", cell: (c) => <span className="tabular-nums">{formatTokens(c.getValue())}</span>, meta: { sort: "tokens", min: 5.5, align: "right" } }),
  col.accessor("models", { header: "Models", cell: (c) => clip(c.getValue().join(", ") || null), meta: { min: 8 } }),
  col.accessor("userId", { header: "User", cell: (c) => clip(c.getValue()), meta: { min: 6 } }),
  col.accessor("sessionId", { header: "Session", cell: (c) => clip(c.getValue()), meta: { min: 6.5 } }),
  col.accessor("tags", { header: "Tags", cell: (c) => <Tags tags={c.getValue()} />, meta: { min: 7 } }),
  col.accessor("flags", { header: "Flags", cell: (c) => <Flags flags={c.getValue()} />, meta: { min: 6 } }),
  col.accessor("feedback", { header: "Feedback", cell: (c) => <Feedback {...c.getValue()} />, meta: { min: 5.5 } }),
];

export type ColumnMeta = { sort?: "startTime" | "latency" | "cost" | "tokens"; min: number; grow?: number; align?: "right" };

/** A column's id as TanStack derives it: the explicit id, else the accessor key. */
export const columnId = (c: (typeof COLUMNS)[number]) => (c.id ?? ("accessorKey" in c ? String(c.accessorKey) : "")) as ColumnId;

/** Picker labels, keyed like the columns. */
export const COLUMN_LABELS = Object.fromEntries(COLUMNS.map((c) => [columnId(c), String(c.header)])) as Record<ColumnId, string>;

/** The grid tracks for the shown columns, and the width below which the table scrolls instead of squeezing. */
export function gridLayout(metas: ColumnMeta[]): { template: string; minWidth: string } {
  const template = metas.map((m) => (m.grow ? `minmax(${m.min}rem, ${m.grow}fr)` : `${m.min}rem`)).join(" ");
  return { template, minWidth: `${metas.reduce((sum, m) => sum + m.min, 0)}rem` };
}
