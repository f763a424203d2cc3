import type { Progress } from "@/lib/queries/annotation/keys";

function Bar({ label, value, max, testId }: { label: string; value: number; max: number; testId: string }) {
  const pct = max > 0 ? Math.min(100, Math.round((value / max) * 100)) : 0;
  return (
    <div className="min-w-40 flex-1" data-testid={testId}>
      <div className="mb-1 flex justify-between text-xs text-zinc-500">
        <span>{label}</span>
        <span className="tabular-nums">{value} / {max}</span>
      </div>
      <div className="h-1.5 rounded bg-zinc-200 dark:bg-zinc-800" role="progressbar" aria-label={label} aria-valuenow={value} aria-valuemin={0} aria-valuemax={max}>
        <div className="h-1.5 rounded bg-indigo-500" style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}

/** Mine: pairs I judged of the queue's pairs. The queue's: judgments toward k per pair. */
export function JudgeProgress({ progress, seconds }: { progress: Progress; seconds: number }) {
  return (
    <div className="flex flex-wrap items-end gap-6">
      <Bar label="Mine" value={progress.mine} max={progress.pairs} testId="progress-mine" />
      <Bar label="Queue" value={progress.done} max={progress.wanted} testId="progress-queue" />
      <div className="text-xs text-zinc-500" title="Time on this pair">
        <span className="tabular-nums" data-testid="pair-timer">{seconds}s</span> on this pair
      </div>
    </div>
  );
}
