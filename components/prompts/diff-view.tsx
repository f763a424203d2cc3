import { cn } from "@/components/ui/cn";
import type { DiffCell, SideBySide } from "./prepare-diff";

const LINE = { context: "", removed: "bg-red-50 dark:bg-red-950/40", added: "bg-emerald-50 dark:bg-emerald-950/40" };
const WORD = { context: "", removed: "rounded-sm bg-red-200/80 text-red-950 dark:bg-red-800/60 dark:text-red-50", added: "rounded-sm bg-emerald-200/80 text-emerald-950 dark:bg-emerald-800/60 dark:text-emerald-50" };

function Cell({ cell, side }: { cell: DiffCell | null; side: "left" | "right" }) {
  if (!cell) return <><div className="select-none bg-zinc-50 dark:bg-zinc-900/60" /><div className="bg-zinc-50 dark:bg-zinc-900/60" /></>;
  return (
    <>
      <div className={cn("select-none px-2 text-right font-mono text-[11px] tabular-nums text-zinc-400", LINE[cell.kind])}>{cell.lineNo}</div>
      <div data-testid={`diff-${cell.kind}`} data-side={side} className={cn("whitespace-pre-wrap break-words py-px pr-3 font-mono text-xs leading-5", LINE[cell.kind], side === "left" && "border-r border-zinc-200 dark:border-zinc-800")}>
        {cell.kind !== "context" && <span className="mr-1 select-none text-zinc-400">{cell.kind === "added" ? "+" : "−"}</span>}
        {cell.segments.map((s, i) => (s.changed ? <mark key={i} className={WORD[cell.kind]}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
        {cell.segments.every((s) => s.text === "") && "\u00a0"}
      </div>
    </>
  );
}

/** Two columns of lines (before | after) with additions and removals coloured; text only, never markup. */
export function DiffView({ diff, fromLabel, toLabel, testId }: { diff: SideBySide; fromLabel: string; toLabel: string; testId?: string }) {
  return (
    <div data-testid={testId} className="overflow-hidden rounded-md border border-zinc-200 dark:border-zinc-800">
      <div className="grid grid-cols-[2.75rem_minmax(0,1fr)_2.75rem_minmax(0,1fr)] border-b border-zinc-200 bg-zinc-50 text-xs font-medium text-zinc-600 dark:border-zinc-800 dark:bg-zinc-950 dark:text-zinc-400">
        <div className="col-span-2 border-r border-zinc-200 px-3 py-1.5 dark:border-zinc-800">{fromLabel}</div>
        <div className="col-span-2 px-3 py-1.5">{toLabel}</div>
      </div>
      {diff.identical ? (
        <p className="px-3 py-3 text-sm text-zinc-500" data-testid="diff-identical">No differences.</p>
      ) : (
        <div className="grid max-h-[40rem] grid-cols-[2.75rem_minmax(0,1fr)_2.75rem_minmax(0,1fr)] overflow-y-auto">
          {diff.rows.map((row, i) => (
            <div key={i} className="contents">
              <Cell cell={row.left} side="left" />
              <Cell cell={row.right} side="right" />
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

export function DiffStats({ diff }: { diff: SideBySide }) {
  return (
    <span className="text-xs tabular-nums" data-testid="diff-stats">
      <span className="text-emerald-700 dark:text-emerald-400">+{diff.added}</span> <span className="text-red-700 dark:text-red-400">−{diff.removed}</span>
    </span>
  );
}
