"use client";
import { ChevronDown, ChevronRight } from "lucide-react";
import { useEffect, useRef } from "react";
import { cn } from "@/components/ui/cn";
import type { SpanView } from "@/lib/queries/traces/trace-detail";
import { formatDuration } from "@/lib/format/format-duration";
import { barGeometry, type Bounds, type SpanRow } from "./span-tree-model";

export const KIND_COLOR: Record<string, string> = {
  llm: "bg-indigo-500",
  chain: "bg-sky-500",
  agent: "bg-cyan-600",
  tool: "bg-amber-500",
  retriever: "bg-emerald-500",
  embedding: "bg-violet-500",
  guardrail: "bg-pink-500",
  event: "bg-zinc-400",
  span: "bg-slate-500",
};
const isError = (s: SpanView) => s.level === "ERROR";

/** Span rows: the tree on the left, the waterfall bar (with a TTFT tick for streamed LLM calls) on the right. */
export function SpanTree({
  rows, bounds, selectedId, collapsed, onSelect, onToggle,
}: { rows: SpanRow<SpanView>[]; bounds: Bounds; selectedId: string | null; collapsed: ReadonlySet<string>; onSelect: (id: string) => void; onToggle: (id: string) => void }) {
  const selectedRef = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    selectedRef.current?.scrollIntoView({ block: "nearest" });
  }, [selectedId]);
  const total = bounds.end - bounds.start;
  return (
    <div className="text-xs" role="tree" aria-label="Spans" data-testid="span-tree">
      <div className="sticky top-0 z-10 grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)] border-b border-zinc-200 bg-white px-2 py-1.5 text-[11px] uppercase tracking-wide text-zinc-500 dark:border-zinc-800 dark:bg-zinc-900">
        <span>Span</span>
        <span className="flex justify-between normal-case"><span>0</span><span>{formatDuration(total / 2)}</span><span>{formatDuration(total)}</span></span>
      </div>
      {rows.map(({ span, depth, childCount }) => {
        const selected = span.id === selectedId;
        const g = barGeometry(span, bounds);
        return (
          <div
            key={span.id}
            ref={selected ? selectedRef : undefined}
            role="treeitem"
            aria-selected={selected}
            aria-expanded={childCount ? !collapsed.has(span.id) : undefined}
            data-testid="span-row"
            data-span-id={span.id}
            onClick={() => onSelect(span.id)}
            className={cn(
              "grid cursor-pointer grid-cols-[minmax(0,1fr)_minmax(0,1fr)] items-center gap-2 border-l-2 px-2 py-1",
              selected ? "border-indigo-500 bg-indigo-50 dark:bg-indigo-950/50" : "border-transparent hover:bg-zinc-50 dark:hover:bg-zinc-800/60",
            )}
          >
            <div className="flex min-w-0 items-center gap-1" style={{ paddingLeft: depth * 14 }}>
              {childCount > 0 ? (
                <button
                  type="button"
                  aria-label={collapsed.has(span.id) ? `Expand ${span.name}` : `Collapse ${span.name}`}
                  className="rounded p-0.5 text-zinc-400 hover:bg-zinc-200 hover:text-zinc-700 dark:hover:bg-zinc-700"
                  onClick={(e) => {
                    e.stopPropagation();
                    onToggle(span.id);
                  }}
                >
                  {collapsed.has(span.id) ? <ChevronRight className="h-3.5 w-3.5" /> : <ChevronDown className="h-3.5 w-3.5" />}
                </button>
              ) : (
                <span className="w-[18px] shrink-0" />
              )}
              <span className={cn("h-2 w-2 shrink-0 rounded-sm", KIND_COLOR[span.kind] ?? "bg-slate-500")} title={span.kind} />
              <span className={cn("truncate font-medium", isError(span) && "text-red-600 dark:text-red-400")} title={span.name}>{span.name}</span>
              <span className="shrink-0 text-[10px] text-zinc-400">{span.kind}</span>
              {span.model && <span className="hidden truncate text-[10px] text-zinc-400 xl:inline">{span.model}</span>}
            </div>
            <div className="relative h-4" title={`${formatDuration(span.latencyMs)}${span.ttftMs != null ? ` · TTFT ${formatDuration(span.ttftMs)}` : ""}`}>
              <div className="absolute inset-y-1.5 left-0 right-0 rounded bg-zinc-100 dark:bg-zinc-800" />
              <div
                data-testid="waterfall-bar"
                className={cn("absolute inset-y-0.5 rounded-sm", isError(span) ? "bg-red-500" : (KIND_COLOR[span.kind] ?? "bg-slate-500"), span.level === "WARNING" && "ring-2 ring-amber-400")}
                style={{ left: `${g.left}%`, width: `${g.width}%` }}
              />
              {g.ttft != null && <div data-testid="ttft-tick" className="absolute -inset-y-0 w-0.5 bg-zinc-900 dark:bg-white" style={{ left: `${g.ttft}%` }} title={`First token after ${formatDuration(span.ttftMs)}`} />}
              <span
                className={cn("absolute top-0 whitespace-nowrap px-1 text-[10px] leading-4", g.width > 22 ? "text-white" : "text-zinc-600 dark:text-zinc-300")}
                style={g.width > 22 ? { right: `${100 - g.left - g.width}%` } : g.left + g.width > 78 ? { right: `${100 - g.left}%` } : { left: `${g.left + g.width}%` }}
              >
                {formatDuration(span.latencyMs)}
              </span>
            </div>
          </div>
        );
      })}
    </div>
  );
}
