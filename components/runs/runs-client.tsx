"use client";
import { Play } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, EmptyState, Skeleton } from "@/components/ui/card";
import { FieldError } from "@/components/ui/input";
import { Table, Td } from "@/components/ui/table";
import { formatCost } from "@/lib/format/format-cost";
import { formatDateTime, formatRelative } from "@/lib/format/format-date";
import { formatRate } from "@/lib/format/format-percent";
import { useDatasetsQuery } from "@/lib/queries/datasets/use-datasets-query";
import { useRunsQuery } from "@/lib/queries/runs/use-runs-query";
import { compareHref, isLive, passRateOf, previousRun, runLabel } from "./prepare-runs";
import { ProgressBar, VerdictBadge } from "./run-badges";
import { StartRunDialog } from "./start-run-dialog";

export function RunsClient({ projectId, canStart }: { projectId: string; canStart: boolean }) {
  const runs = useRunsQuery(projectId);
  const datasets = useDatasetsQuery(projectId);
  const [starting, setStarting] = useState(false);
  const setName = (id: string) => datasets.data?.find((d) => d.id === id)?.name ?? "…";

  return (
    <div className="space-y-6">
      <div className="flex items-center justify-between gap-4">
        <div>
          <h1 className="text-xl font-semibold">Runs</h1>
          <p className="text-sm text-zinc-500">A prompt version over a pinned golden-set snapshot, scored by evaluators. Compare two runs to see what regressed.</p>
        </div>
        {canStart && <Button className="shrink-0 whitespace-nowrap" onClick={() => setStarting(true)}><Play className="size-4" /> Start run</Button>}
      </div>
      <Card>
        {runs.isPending ? (
          <div className="space-y-2"><Skeleton className="h-8 w-full" /><Skeleton className="h-8 w-full" /><Skeleton className="h-8 w-2/3" /></div>
        ) : runs.isError ? (
          <FieldError>{runs.error.message}</FieldError>
        ) : runs.data.runs.length === 0 ? (
          <EmptyState title="No runs yet">
            <p className="mx-auto max-w-xl">Start a run from a golden set: Pharos calls your prompt version for every item and scores the answers. Runs started through the API from CI show up here too.</p>
            {canStart && <Button className="mt-4" onClick={() => setStarting(true)}><Play className="size-4" /> Start a run</Button>}
          </EmptyState>
        ) : (
          <Table head={["Run", "Golden set", "Status", "Progress", "Pass rate", "Cost", "Started", ""]}>
            {runs.data.runs.map((r) => {
              const prev = previousRun(runs.data.runs, r);
              return (
                <tr key={r.id} data-testid="run-row" className="hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
                  <Td>
                    <Link href={`/project/${projectId}/runs/${r.id}`} className="whitespace-nowrap font-medium text-indigo-700 hover:underline dark:text-indigo-400">{runLabel(r)}</Link>
                    <div className="max-w-64 truncate text-xs text-zinc-500">{r.model ?? "scoring only"} · {r.evaluators.map((e) => e.key).join(", ")}</div>
                  </Td>
                  <Td className="whitespace-nowrap"><Link href={`/project/${projectId}/datasets/${r.datasetId}`} className="hover:underline">{setName(r.datasetId)}</Link></Td>
                  <Td><VerdictBadge run={r} /></Td>
                  <Td className="w-40">{isLive(r.status) ? <ProgressBar progress={r.progress} /> : <span className="text-xs tabular-nums text-zinc-500">{r.progress.done}/{r.progress.total}{r.progress.failed ? ` · ${r.progress.failed} failed` : ""}</span>}</Td>
                  <Td className="tabular-nums">{formatRate(passRateOf(r))}</Td>
                  <Td className="tabular-nums">{formatCost(r.usage.cost)}</Td>
                  <Td className="whitespace-nowrap text-xs text-zinc-500"><span title={formatDateTime(r.createdAt)}>{formatRelative(r.createdAt)}</span></Td>
                  <Td className="text-right">{prev && !isLive(r.status) && <Link href={compareHref(projectId, [prev.id, r.id])} className="whitespace-nowrap text-xs text-indigo-700 hover:underline dark:text-indigo-400">Compare with previous</Link>}</Td>
                </tr>
              );
            })}
          </Table>
        )}
      </Card>
      {canStart && <StartRunDialog projectId={projectId} open={starting} onOpenChange={setStarting} />}
    </div>
  );
}
