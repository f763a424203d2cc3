import { cn } from "@/components/ui/cn";
import { formatDelta, type MetricKind } from "@/lib/format/format-metric";
import { type Better, type Delta, deltaTone } from "@/lib/metrics/prepare-overview";

const TONES = { good: "text-emerald-600 dark:text-emerald-400", bad: "text-red-600 dark:text-red-400", neutral: "text-zinc-500" } as const;

/** The change against the previous period, coloured by whether it is good news for this metric. */
export function DeltaText({ delta, kind, better, className }: { delta: Delta | null; kind: MetricKind; better: Better; className?: string }) {
  if (!delta) return <span className={cn("text-xs text-zinc-400", className)} title="No data in the previous period">—</span>;
  return (
    <span className={cn("text-xs tabular-nums", TONES[deltaTone(delta, better, kind)], className)} title="Change against the previous period of the same length">
      {formatDelta(delta, kind)}
    </span>
  );
}
