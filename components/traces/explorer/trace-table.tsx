"use client";
import { flexRender, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { useEffect, useMemo, useRef } from "react";
import { cn } from "@/components/ui/cn";
import type { TraceRow } from "@/lib/queries/traces/keys";
import type { ColumnId } from "./column-visibility";
import { type ColumnMeta, columnId, COLUMNS, gridLayout } from "./columns";
import type { ExplorerState } from "./explorer-state";

const ROW_HEIGHT = 36;

type Props = {
  rows: TraceRow[];
  sort: ExplorerState["sort"];
  order: ExplorerState["order"];
  onSort: (sort: ExplorerState["sort"], order: ExplorerState["order"]) => void;
  selected: number;
  /** Traces marked for "compare as a pair" (x or shift-click). */
  marked?: ReadonlySet<string>;
  onToggleMark?: (id: string) => void;
  onSelect: (index: number) => void;
  onOpen: (row: TraceRow) => void;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  /** Changes when the request does (filters, sort, refresh): the list starts again from the top. */
  resetKey: string;
  /** Shown columns (see useColumnVisibility); the rest are hidden, not removed, so their order holds. */
  visibleColumns: readonly ColumnId[];
};

/**
 * Only the rows in view are in the DOM (TanStack Virtual), so thousands of loaded rows
 * scroll smoothly; nearing the end asks for the next page by cursor.
 */
export function TraceTable({ rows, sort, order, onSort, selected, onSelect, onOpen, hasMore, loadingMore, onLoadMore, resetKey, visibleColumns, marked, onToggleMark }: Props) {
  const columnVisibility = useMemo(() => Object.fromEntries(COLUMNS.map((c) => [columnId(c), visibleColumns.includes(columnId(c))])), [visibleColumns]);
  const table = useReactTable({ data: rows, columns: COLUMNS, state: { columnVisibility }, getCoreRowModel: getCoreRowModel(), manualSorting: true, getRowId: (r) => r.id });
  const layout = gridLayout(table.getVisibleLeafColumns().map((c) => c.columnDef.meta as ColumnMeta));
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= rows.length - 15) onLoadMore();
  }, [hasMore, loadingMore, lastIndex, rows.length, onLoadMore]);

  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [resetKey]);

  useEffect(() => {
    if (selected >= 0) virtualizer.scrollToIndex(selected, { align: "auto" });
  }, [selected, virtualizer]);

  const tableRows = table.getRowModel().rows;
  return (
    <div ref={scrollRef} data-testid="trace-table" className="h-[calc(100vh-17rem)] min-h-80 overflow-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900" role="grid" aria-rowcount={rows.length}>
      <div style={{ minWidth: layout.minWidth }}>
        <div className="sticky top-0 z-10 grid border-b border-zinc-200 bg-zinc-50 text-xs font-medium uppercase tracking-wide text-zinc-500 dark:border-zinc-800 dark:bg-zinc-900" style={{ gridTemplateColumns: layout.template }} role="row">
          {table.getHeaderGroups()[0]!.headers.map((h) => {
            const meta = h.column.columnDef.meta as ColumnMeta;
            const active = meta.sort === sort;
            const label = flexRender(h.column.columnDef.header, h.getContext());
            return (
              <div key={h.id} role="columnheader" aria-sort={active ? (order === "asc" ? "ascending" : "descending") : undefined} className={cn("px-2 py-2", meta.align === "right" && "text-right")}>
                {meta.sort ? (
                  <button
                    type="button" data-testid={`sort-${meta.sort}`}
                    className={cn("inline-flex items-center gap-1 uppercase hover:text-zinc-900 dark:hover:text-zinc-100", active && "text-zinc-900 dark:text-zinc-100")}
                    onClick={() => onSort(meta.sort!, active && order === "desc" ? "asc" : "desc")}
                    title={`Sort by ${String(h.column.columnDef.header).toLowerCase()}`}
                  >
                    {label}
                    {active ? order === "desc" ? <ArrowDown className="h-3 w-3" /> : <ArrowUp className="h-3 w-3" /> : <ArrowUpDown className="h-3 w-3 opacity-40" />}
                  </button>
                ) : label}
              </div>
            );
          })}
        </div>
        <div className="relative" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = tableRows[item.index]!;
            return (
              <div
                key={row.id} role="row" data-testid="trace-row" data-trace-id={row.id} aria-selected={item.index === selected} data-marked={marked?.has(row.id) || undefined}
                className={cn(
                  "absolute left-0 grid w-full cursor-pointer items-center border-b border-zinc-100 text-sm hover:bg-zinc-50 dark:border-zinc-800 dark:hover:bg-zinc-800/50",
                  item.index === selected && "bg-indigo-50 hover:bg-indigo-50 dark:bg-indigo-950/50",
                  marked?.has(row.id) && "shadow-[inset_3px_0_0_0_#f59e0b]",
                )}
                style={{ gridTemplateColumns: layout.template, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                onClick={(e) => {
                  onSelect(item.index);
                  if (e.shiftKey && onToggleMark) onToggleMark(row.id);
                  else onOpen(row.original);
                }}
              >
                {row.getVisibleCells().map((cell) => (
                  <div key={cell.id} role="gridcell" className={cn("min-w-0 truncate px-2", (cell.column.columnDef.meta as ColumnMeta).align === "right" && "text-right")}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
        {loadingMore && <p className="px-3 py-2 text-xs text-zinc-500">Loading more…</p>}
        {!hasMore && rows.length > 0 && <p className="px-3 py-2 text-xs text-zinc-400" data-testid="trace-list-end">{rows.length.toLocaleString("en")} traces — end of list</p>}
      </div>
    </div>
  );
}
