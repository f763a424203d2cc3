import Link from "next/link";
import { Badge } from "@/components/ui/card";
import { formatCost } from "@/lib/format/format-cost";
import { formatDuration } from "@/lib/format/format-duration";
import type { RunsComparisonResponse } from "@/lib/queries/runs/keys";
import { inputText, outputText, runLabel, wordDiff } from "./prepare-runs";

type Row = RunsComparisonResponse["rows"][number];
const CHANGE = { regressed: { tone: "red", row: "bg-red-50/60 dark:bg-red-950/30 border-l-2 border-l-red-500" }, improved: { tone: "green", row: "border-l-2 border-l-emerald-500" }, unchanged: { tone: "zinc", row: "" }, unpaired: { tone: "amber", row: "" } } as const;

/** One block per item: its input, then each run's output (later runs as a word diff against the baseline's) with scores, latency and cost. */
export function CompareRows({ projectId, comparison }: { projectId: string; comparison: RunsComparisonResponse }) {
  return (
    <div className="divide-y divide-zinc-200 dark:divide-zinc-800">
      {comparison.rows.map((row) => <CompareRow key={row.itemId} projectId={projectId} row={row} runs={comparison.runs} />)}
    </div>
  );
}

function CompareRow({ projectId, row, runs }: { projectId: string; row: Row; runs: RunsComparisonResponse["runs"] }) {
  const baseline = outputText(row.cells[0]?.output);
  return (
    <div data-testid="compare-row" data-change={row.change} className={`py-3 pl-3 ${CHANGE[row.change].row}`}>
      <div className="flex items-baseline gap-2">
        <Badge tone={CHANGE[row.change].tone}>{row.change}</Badge>
        <div className="line-clamp-2 min-w-0 flex-1 whitespace-pre-wrap break-words text-sm">{inputText(row.input)}</div>
      </div>
      {row.expectedOutput != null && <div className="mt-1 line-clamp-2 text-xs text-zinc-500">expected: {outputText(row.expectedOutput)}</div>}
      <div className="mt-2 grid gap-3" style={{ gridTemplateColumns: `repeat(${row.cells.length}, minmax(0, 1fr))` }}>
        {row.cells.map((cell, i) => (
          <div key={runs[i]!.id} className="min-w-0 rounded border border-zinc-200 p-2 dark:border-zinc-800">
            <div className="mb-1 flex items-center justify-between gap-2 text-xs text-zinc-500">
              <span className="truncate">{i === 0 ? "baseline" : runLabel(runs[i]!)}</span>
              {cell && (cell.passed === null ? <Badge>{cell.status}</Badge> : <Badge tone={cell.passed ? "green" : "red"}>{cell.passed ? "pass" : "fail"}</Badge>)}
            </div>
            {!cell ? <div className="text-xs text-zinc-400">not in this run</div> : (
              <>
                <div className="whitespace-pre-wrap break-words text-sm">
                  {i === 0 ? baseline : (wordDiff(baseline, outputText(cell.output)) ?? [{ text: outputText(cell.output), kind: "same" as const }]).map((p, k) => (
                    <span key={k} className={p.kind === "added" ? "bg-emerald-100 dark:bg-emerald-900/60" : p.kind === "removed" ? "bg-red-100 text-red-800 line-through dark:bg-red-900/60 dark:text-red-200" : ""}>{p.text}</span>
                  ))}
                </div>
                {cell.error && <div className="mt-1 text-xs text-red-600">{cell.error}</div>}
                <div className="mt-1.5 flex flex-wrap gap-x-3 text-xs text-zinc-500">
                  {Object.entries(cell.scores ?? {}).map(([key, s]) => <span key={key} title={s.reason} className={s.passed ? "" : "text-red-600"}><span className="font-mono">{key}</span> {s.score === null ? s.status : s.score.toFixed(2)}</span>)}
                  <span>{formatDuration(cell.latencyMs)}</span>
                  <span>{formatCost(cell.cost)}</span>
                  {cell.traceId && <Link className="text-indigo-700 hover:underline dark:text-indigo-400" href={`/project/${projectId}/traces/${cell.traceId}`}>trace</Link>}
                </div>
              </>
            )}
          </div>
        ))}
      </div>
    </div>
  );
}
