"use client";
import { useState } from "react";
import { Card, Skeleton } from "@/components/ui/card";
import { FieldError } from "@/components/ui/input";
import { isComputing } from "@/lib/queries/drift/keys";
import { DriftEmpty } from "./drift-empty";
import { DriftFilterBar } from "./drift-filter-bar";
import { DriftHeader } from "./drift-header";
import { DriftReportView } from "./drift-report-view";
import { DriftSettingsForm } from "./drift-settings-form";
import { DriftStatus } from "./drift-status";
import { EarlierReports } from "./earlier-reports";
import { useComputeDrift } from "./use-compute-drift";
import { useDriftSelection } from "./use-drift-selection";

export function DriftClient({ projectId, canManage }: { projectId: string; canManage: boolean }) {
  const { sources, reports, report, field, pairs, model, filters, latest, selectedId, setParams } = useDriftSelection(projectId);
  // Nothing to compare until this field has vectors: say so instead of queueing a report that must fail.
  const noVectors = !sources.isPending && pairs.length === 0;
  const { compute, pending } = useComputeDrift({ projectId, canManage, field, model, filters, noVectors, onQueued: () => setParams({ report: null }) });
  // Kept here, not in the report view, so the highlighted cluster survives switching reports.
  const [highlight, setHighlight] = useState<number | null>(null);

  if (sources.isPending || reports.isPending) return <div className="space-y-4"><Skeleton className="h-8 w-48" /><Skeleton className="h-64 w-full" /></div>;
  if (sources.isError) return <FieldError>{sources.error.message}</FieldError>;
  const noData = (sources.data.sources.length === 0) && !reports.data?.length;
  const computing = isComputing(latest?.status);

  return (
    <div className="space-y-6">
      <DriftHeader field={field} model={model} pairs={pairs} canManage={canManage} noVectors={noVectors} busy={pending} computing={computing} onCompute={compute} setParams={setParams} />
      <DriftFilterBar filters={filters} onChange={(next) => setParams({ ...next, report: null })} />
      <DriftStatus latest={latest} />

      {noData ? <DriftEmpty settings={sources.data.settings} /> : !selectedId ? (
        !computing && <Card><p className="text-sm text-zinc-500">No report for {field} / {model}{Object.keys(filters).length ? " with these filters" : ""} yet. {canManage ? "Press “Compute now”." : "The worker computes one hourly."}</p></Card>
      ) : report.isPending ? <Skeleton className="h-64 w-full" /> : report.isError ? <FieldError>{report.error.message}</FieldError> : (
        <DriftReportView projectId={projectId} report={report.data} canManage={canManage} highlight={highlight} onHighlight={setHighlight} />
      )}

      {canManage && <DriftSettingsForm key={JSON.stringify(sources.data.settings)} projectId={projectId} settings={sources.data.settings} />}
      <EarlierReports reports={reports.data} field={field} model={model} selectedId={selectedId} />
    </div>
  );
}
