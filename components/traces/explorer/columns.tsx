import { createColumnHelper } from "@tanstack/react-table";
import { format } from "date-fns";
import type { TraceRow } from "@/lib/queries/traces";
import { formatCost, formatDuration, formatTokens } from "@/lib/format-units";
import { Feedback, Flags, StatusBadge, Tags } from "./trace-cells";

const col = createColumnHelper<TraceRow>();
const clip = (v: string | null) => (v ? <span className="block truncate" title={v}>{v}</span> : <span className="text-zinc-400">—</span>);

/** Columns in display order; `meta.sort` marks the ones the server can sort by, `meta.width` is the grid track. */
export const COLUMNS = [
  col.accessor("startTime", { header: "Time", cell: (c) => <span className="tabular-nums">{format(new Date(c.getValue()), "MMM d HH:mm:ss")}</span>, meta: { sort: "startTime", width: "8.75rem" } }),
  col.accessor("name", { header: "Name", cell: (c) => clip(c.getValue()), meta: { width: "7.5rem" } }),
  col.accessor("inputPreview", { header: "Input", cell: (c) => clip(c.getValue()), meta: { width: "minmax(10rem, 2fr)" } }),
  col.accessor("outputPreview", { header: "Output", cell: (c) => clip(c.getValue()), meta: { width: "minmax(10rem, 2fr)" } }),
  col.accessor("status", { header: "Status", cell: (c) => <StatusBadge row={c.row.original} />, meta: { width: "4.5rem" } }),
  col.accessor("latencyMs", { header: "Latency", cell: (c) => <span className="tabular-nums">{formatDuration(c.getValue())}</span>, meta: { sort: "latency", width: "5.5rem", align: "right" } }),
  col.accessor("totalCost", { header: "Cost", cell: (c) => <span className="tabular-nums">{formatCost(c.getValue())}</span>, meta: { sort: "cost", width: "5.5rem", align: "right" } }),
  col.accessor((r) => r.usage.totalTokens, { id: "tokens", header: "Tokens", cell: (c) => <span className="tabular-nums">{formatTokens(c.getValue())}</span>, meta: { sort: "tokens", width: "5rem", align: "right" } }),
  col.accessor("models", { header: "Models", cell: (c) => clip(c.getValue().join(", ") || null), meta: { width: "8rem" } }),
  col.accessor("userId", { header: "User", cell: (c) => clip(c.getValue()), meta: { width: "5.5rem" } }),
  col.accessor("sessionId", { header: "Session", cell: (c) => clip(c.getValue()), meta: { width: "6rem" } }),
  col.accessor("tags", { header: "Tags", cell: (c) => <Tags tags={c.getValue()} />, meta: { width: "7rem" } }),
  col.accessor("flags", { header: "Flags", cell: (c) => <Flags flags={c.getValue()} />, meta: { width: "6rem" } }),
  col.accessor("feedback", { header: "Feedback", cell: (c) => <Feedback {...c.getValue()} />, meta: { width: "4.5rem" } }),
];

export type ColumnMeta = { sort?: "startTime" | "latency" | "cost" | "tokens"; width: string; align?: "right" };
export const GRID_TEMPLATE = COLUMNS.map((c) => (c.meta as ColumnMeta).width).join(" ");
