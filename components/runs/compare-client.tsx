"use client";
import { Download } from "lucide-react";
import Link from "next/link";
import { SendToQueueDialog } from "@/components/annotate/send-to-queue-dialog";
import { Badge, Card, EmptyState, Skeleton } from "@/components/ui/card";
import { FieldError } from "@/components/ui/input";
import { pairsDownloadUrl, useRunsCompareQuery } from "@/lib/queries/runs/use-runs-compare-query";
import { CompareRows } from "./compare-rows";
import { CompareSummary } from "./compare-summary";
import { ScoreRequirements } from "./score-requirements";
import { runLabel } from "./prepare-runs";
import { VerdictBadge } from "./run-badges";

/** Runs of one golden set side by side: the significance summary, then items with regressions first. */
export function CompareClient({ projectId, ids, canAnnotate = false }: { projectId: string; ids: string[]; canAnnotate?: boolean }) {
  const cmp = useRunsCompareQuery(projectId, ids);
  const back = <Link href={`/project/${projectId}/runs`} className="text-xs text-zinc-500 hover:underline">← Runs</Link>;
  if (ids.length < 2) return <div className="space-y-3">{back}<EmptyState title="Choose two runs to compare">Open a finished run and choose <strong>Compare with previous</strong>, or link to <code>?ids=baseline,later</code>.</EmptyState></div>;
  if (cmp.isError) return <div className="space-y-3">{back}<FieldError>{cmp.error.message}</FieldError></div>;
  const c = cmp.data;
  return (
    <div className="space-y-6">
      <div className="flex items-start justify-between gap-4">
        <div>
          {back}
          <h1 className="text-xl font-semibold">Compare runs{c?.dataset.name ? ` on ${c.dataset.name}` : ""}</h1>
          {!c ? <Skeleton className="mt-1 h-5 w-96" /> : (
            <ol className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
              {c.runs.map((r, i) => (
                <li key={r.id} className="flex items-center gap-1.5">
                  <span className="text-zinc-500">{i === 0 ? "Baseline" : `Run ${String.fromCharCode(65 + i)}`}:</span>
                  <Link className="font-medium text-indigo-700 hover:underline dark:text-indigo-400" href={`/project/${projectId}/runs/${r.id}`}>{runLabel(r)}</Link>
                  <VerdictBadge run={r} />
                </li>
              ))}
            </ol>
          )}
        </div>
        <div className="flex shrink-0 gap-2">
        {canAnnotate && <SendToQueueDialog projectId={projectId} source={{ kind: "runs", runIds: ids }} label="Send to annotation queue" testId="send-to-queue" />}
        <a href={pairsDownloadUrl(projectId, ids)} download className="inline-flex h-9 shrink-0 items-center gap-1.5 rounded-md border border-zinc-300 bg-white px-3.5 text-sm text-zinc-800 hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100" title="One JSONL line per item: { prompt, response_a, response_b, metadata }">
          <Download className="size-4" /> Preference pairs (JSONL)
        </a>
        </div>
      </div>
      {!c ? <Skeleton className="h-40 w-full" /> : (
        <>
          <CompareSummary comparison={c} />
          <ScoreRequirements comparison={c} />
          <Card
            title="Items"
            description={<>Regressions (pass → fail against the baseline) first, then improvements, then the rest.{c.truncated ? " Showing the first 1,000 items." : ""}</>}
            actions={<div className="flex gap-1.5"><Badge tone="red">{c.counts.regressed} regressed</Badge><Badge tone="green">{c.counts.improved} improved</Badge><Badge>{c.counts.unchanged} unchanged</Badge></div>}
          >
            {c.rows.length ? <CompareRows projectId={projectId} comparison={c} /> : <EmptyState title="No items">These runs scored no items.</EmptyState>}
          </Card>
        </>
      )}
    </div>
  );
}
