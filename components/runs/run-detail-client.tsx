"use client";
import { GitCompareArrows, Square } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, Skeleton } from "@/components/ui/card";
import { FieldError } from "@/components/ui/input";
import { formatCost } from "@/lib/format/format-cost";
import { formatDateTime } from "@/lib/format/format-date";
import { formatRate } from "@/lib/format/format-percent";
import { useDatasetsQuery } from "@/lib/queries/datasets/use-datasets-query";
import { useRunMutations } from "@/lib/queries/runs/use-run-mutations";
import { useRunQuery } from "@/lib/queries/runs/use-run-query";
import { useRunsQuery } from "@/lib/queries/runs/use-runs-query";
import { CounterfactualReportCard } from "./counterfactual-report-card";
import { compareHref, etaText, isLive, passRateOf, previousRun, runLabel } from "./prepare-runs";
import { ProgressBar, Stat, VerdictBadge } from "./run-badges";
import { RunItemsTable } from "./run-items-table";
import { RunSummaryCard } from "./run-summary-card";

/** One run: live progress while it runs (polled), then its summary; its items below. */
export function RunDetailClient({ projectId, runId, canCancel }: { projectId: string; runId: string; canCancel: boolean }) {
  const run = useRunQuery(projectId, runId);
  const datasets = useDatasetsQuery(projectId);
  const runs = useRunsQuery(projectId, run.data?.datasetId ?? null);
  const { cancel } = useRunMutations(projectId);
  if (run.isError) return <FieldError>{run.error.message}</FieldError>;
  const r = run.data;
  const prev = r && runs.data ? previousRun(runs.data.runs, r) : null;
  const live = r ? isLive(r.status) : false;
  return (
    <div className="space-y-6">
      <div className="flex items-start justify-between gap-4">
        <div>
          <Link href={`/project/${projectId}/runs`} className="text-xs text-zinc-500 hover:underline">← Runs</Link>
          {!r ? <Skeleton className="mt-1 h-7 w-80" /> : (
            <>
              <div className="flex items-center gap-2">
                <h1 className="text-xl font-semibold">{runLabel(r)}</h1>
                <VerdictBadge run={r} />
              </div>
              <p className="text-sm text-zinc-500">
                over <Link className="hover:underline" href={`/project/${projectId}/datasets/${r.datasetId}?at=${encodeURIComponent(r.snapshotAt)}`}>{datasets.data?.find((d) => d.id === r.datasetId)?.name ?? "golden set"}</Link> as of {formatDateTime(r.snapshotAt)}
                {" · "}{r.model ?? "supplied outputs, scoring only"}{" · "}minimum pass rate {formatRate(r.minPassRate)}
              </p>
            </>
          )}
        </div>
        <div className="flex gap-2">
          {prev && !live && <Link href={compareHref(projectId, [prev.id, runId])}><Button variant="secondary"><GitCompareArrows className="size-4" /> Compare with previous</Button></Link>}
          {r && live && canCancel && <Button variant="danger" disabled={cancel.isPending} onClick={() => cancel.mutate(runId)}><Square className="size-3.5" /> Cancel run</Button>}
        </div>
      </div>
      {r && live && (
        <Card title="Progress" description="Refreshes every second while the run is going.">
          <div data-testid="run-progress" className="grid grid-cols-4 gap-4 text-sm">
            <ProgressBar progress={r.progress} className="col-span-4" />
            <Stat label="Done" value={`${r.progress.done} / ${r.progress.total}`} />
            <Stat label="Failures" value={String(r.progress.failed)} />
            <Stat label="Cost so far" value={formatCost(r.progress.cost)} />
            <Stat label="ETA" value={etaText(r.progress.etaMs) ?? "estimating…"} />
          </div>
        </Card>
      )}
      {r?.error && <FieldError>{r.error}</FieldError>}
      {r && !live && <RunSummaryCard run={r} passRate={passRateOf(r)} />}
      {r && !live && r.evaluators.some((e) => e.type === "counterfactual") && <CounterfactualReportCard projectId={projectId} runId={runId} />}
      {!r ? <Skeleton className="h-64 w-full" /> : <RunItemsTable projectId={projectId} run={r} />}
    </div>
  );
}
