import { Badge } from "@/components/ui/card";
import type { RunRow } from "@/lib/queries/runs/keys";
import { progressPercent, statusTone, verdictText } from "./prepare-runs";

export function VerdictBadge({ run }: { run: Pick<RunRow, "status" | "passed"> }) {
  return <span data-testid="run-verdict"><Badge tone={statusTone(run)}>{verdictText(run)}</Badge></span>;
}

export function ProgressBar({ progress, className }: { progress: { done: number; total: number; failed: number }; className?: string }) {
  const pct = progressPercent(progress);
  return (
    <div className={className}>
      <div role="progressbar" aria-valuemin={0} aria-valuemax={progress.total} aria-valuenow={progress.done} className="h-1.5 w-full overflow-hidden rounded bg-zinc-200 dark:bg-zinc-800">
        <div className="h-full bg-indigo-500 transition-[width]" style={{ width: `${pct}%` }} />
      </div>
      <div className="mt-0.5 text-xs tabular-nums text-zinc-500">{progress.done}/{progress.total}{progress.failed ? ` · ${progress.failed} failed` : ""}</div>
    </div>
  );
}

export function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <div className="text-xs text-zinc-500">{label}</div>
      <div className="font-medium tabular-nums">{value}</div>
    </div>
  );
}
