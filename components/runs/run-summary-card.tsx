import { Badge, Card } from "@/components/ui/card";
import { formatCost } from "@/lib/format/format-cost";
import { formatDuration } from "@/lib/format/format-duration";
import { formatRate } from "@/lib/format/format-percent";
import type { RunRow } from "@/lib/queries/runs/keys";
import { Stat } from "./run-badges";
import { TieredJudgeStats } from "./tiered-judge-stats";

/** A finished run: pass rate, latency, cost, failures and each evaluator's mean and pass rate; a tiered judge's escalations and savings; self-consistency flags. */
export function RunSummaryCard({ run, passRate }: { run: RunRow; passRate: number | null }) {
  const s = run.summary;
  return (
    <Card title="Summary">
      <div data-testid="run-summary" className="grid grid-cols-2 gap-4 text-sm md:grid-cols-6">
        <Stat label="Pass rate" value={formatRate(passRate)} />
        <Stat label="Items" value={`${run.progress.done} / ${run.progress.total}`} />
        <Stat label="Failures" value={String(s ? s.failures + s.judgeErrors : run.progress.failed)} />
        <Stat label="Latency p50" value={formatDuration(s?.latencyP50Ms)} />
        <Stat label="Latency p95" value={formatDuration(s?.latencyP95Ms)} />
        <Stat label="Cost" value={formatCost(run.usage.cost)} />
      </div>
      {s && (
        <table className="mt-4 w-full text-left text-sm">
          <thead className="text-xs uppercase tracking-wide text-zinc-500">
            <tr><th className="py-1 font-medium">Evaluator</th><th className="font-medium">Mean score</th><th className="font-medium">Pass rate</th><th className="font-medium">Required</th><th className="font-medium">Notes</th></tr>
          </thead>
          <tbody>
            {Object.entries(s.evaluators).map(([key, e]) => (
              <tr key={key} className="border-t border-zinc-100 dark:border-zinc-800">
                <td className="py-1.5 font-mono text-xs">{key}</td>
                <td className="tabular-nums">{e.mean === null ? "—" : e.mean.toFixed(3)}</td>
                <td className="tabular-nums">{formatRate(e.passRate)}</td>
                <td>{e.required ? <Badge tone={e.met ? "green" : "red"}>{e.met ? "met" : "not met"} (≥ {formatRate(e.minPassRate ?? run.minPassRate)})</Badge> : <span className="text-xs text-zinc-500">no</span>}</td>
                <td className="text-xs">{e.flagged !== undefined ? <Badge tone={e.flagged ? "amber" : "green"}>{e.flagged} flagged</Badge> : e.tiered ? <span className="text-zinc-500">tiered judge, below</span> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {s && Object.entries(s.evaluators).map(([key, e]) => (e.tiered ? <TieredJudgeStats key={key} name={key} stats={e.tiered} /> : null))}
    </Card>
  );
}
