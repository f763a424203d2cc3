import { formatCost } from "@/lib/format/format-cost";
import { formatRate } from "@/lib/format/format-percent";
import type { TieredSummary } from "@/lib/runs/summarize-run";
import { Stat } from "./run-badges";

/** A tiered judge over the run: how often the cheap verdict was uncertain, and what judging everything with the strong model would have cost. */
export function TieredJudgeStats({ name, stats }: { name: string; stats: TieredSummary }) {
  return (
    <div data-testid="tiered-judge-stats" className="mt-4 border-t border-zinc-100 pt-3 dark:border-zinc-800">
      <div className="mb-2 text-xs font-medium text-zinc-500">Tiered judge <span className="font-mono">{name}</span></div>
      <div className="grid grid-cols-2 gap-4 text-sm md:grid-cols-6">
        <Stat label="Judged" value={String(stats.judged)} />
        <Stat label="Escalated" value={String(stats.escalated)} />
        <Stat label="Escalation rate" value={formatRate(stats.escalationRate)} />
        <Stat label="Judge cost" value={formatCost(stats.cost)} />
        <Stat label="Strong model only (est.)" value={formatCost(stats.strongOnlyCost)} />
        <Stat label="Cost saved" value={formatCost(stats.costSaved)} />
      </div>
      {stats.costSaved === null && <p className="mt-2 text-xs text-zinc-500">No cost figures: a judge model has no known price. Add a price override for it in Settings → Ingestion, and later runs are priced.</p>}
    </div>
  );
}
