"use client";
import { formatDistanceToNow } from "date-fns";
import { RefreshCw } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Badge, Card, Skeleton } from "@/components/ui/card";
import { FieldError, Select } from "@/components/ui/input";
import { driftVerdict, prepareDriftChart } from "@/lib/drift/prepare-chart";
import type { DriftReportSummary } from "@/lib/queries/drift/keys";
import { useDriftMutations } from "@/lib/queries/drift/use-drift-mutations";
import { useDriftReportQuery } from "@/lib/queries/drift/use-drift-report-query";
import { useDriftReportsQuery } from "@/lib/queries/drift/use-drift-reports-query";
import { useDriftSourcesQuery } from "@/lib/queries/drift/use-drift-sources-query";
import { ClusterList } from "./cluster-list";
import { DeepCheck } from "./deep-check";
import { DriftChart } from "./drift-chart";
import { DriftEmpty } from "./drift-empty";
import { DriftFilterBar, readFilters, sameFilters } from "./drift-filter-bar";
import { DriftSettingsForm } from "./drift-settings-form";
import { ProjectionScatter } from "./projection-scatter";
import { isTypingTarget } from "@/components/ui/keyboard";

const computing = (r?: DriftReportSummary) => r?.status === "queued" || r?.status === "running";

export function DriftClient({ projectId, canManage }: { projectId: string; canManage: boolean }) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const sources = useDriftSourcesQuery(projectId);
  const field = search.get("field") ?? sources.data?.settings.fields[0] ?? "input";
  const pairs = (sources.data?.sources ?? []).filter((s) => s.field === field);
  const model = search.get("model") ?? pairs[0]?.model;
  const filters = readFilters(search);
  const reports = useDriftReportsQuery(projectId, field, model);
  // Reports whose span filters are the ones in the URL (none = the scheduled, unfiltered reports).
  const matching = (reports.data ?? []).filter((r) => sameFilters(r.filters, filters));
  const latest = matching[0];
  const selectedId = search.get("report") ?? matching.find((r) => r.status === "done")?.id ?? null;
  const report = useDriftReportQuery(projectId, selectedId);
  const { computeNow } = useDriftMutations(projectId);
  const [highlight, setHighlight] = useState<number | null>(null);

  const setParams = (next: Record<string, string | null>) => {
    const params = new URLSearchParams(search.toString());
    for (const [k, v] of Object.entries(next)) (v === null ? params.delete(k) : params.set(k, v));
    router.replace(`${pathname}?${params.toString()}`, { scroll: false });
  };
  // Nothing to compare until this field has vectors: say so instead of queueing a report that must fail.
  const noVectors = !sources.isPending && pairs.length === 0;
  const compute = () => !noVectors && computeNow.mutate({ field, model, ...(Object.keys(filters).length ? { filters } : {}) }, {
    onSuccess: () => { toast.success("Drift report queued; the worker computes it now"); setParams({ report: null }); },
    onError: (e) => toast.error(e.message),
  });
  // "c" computes a fresh report (when not typing in a field).
  useEffect(() => {
    if (!canManage) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "c" || e.metaKey || e.ctrlKey || e.altKey || isTypingTarget(e.target)) return;
      compute();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });
  const rows = useMemo(() => (report.data ? prepareDriftChart(report.data.windows, report.data.granularity) : []), [report.data]);

  if (sources.isPending || reports.isPending) return <div className="space-y-4"><Skeleton className="h-8 w-48" /><Skeleton className="h-64 w-full" /></div>;
  if (sources.isError) return <FieldError>{sources.error.message}</FieldError>;
  const noData = (sources.data.sources.length === 0) && !reports.data?.length;
  const verdict = report.data ? driftVerdict(report.data.windows) : null;
  const focus = report.data?.projection ? report.data.windows[report.data.projection.window] : null;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">Drift</h1>
          <p className="text-sm text-zinc-500">Has what users ask (or what the model answers) moved? Centroid distance of embeddings per window, with a permutation test.</p>
        </div>
        <div className="flex items-center gap-2">
          <Select aria-label="Field" value={field} onChange={(e) => setParams({ field: e.target.value, model: null, report: null })}>
            <option value="input">Input</option>
            <option value="output">Output</option>
          </Select>
          <Select aria-label="Embedding model" value={model ?? ""} onChange={(e) => setParams({ model: e.target.value, report: null })} disabled={!pairs.length}>
            {pairs.length === 0 && <option value="">no vectors yet</option>}
            {pairs.map((p) => <option key={p.model} value={p.model}>{p.model} · {p.dimension}d · {p.vectors.toLocaleString()}</option>)}
          </Select>
          {canManage && (
            <Button className="whitespace-nowrap" onClick={compute} disabled={noVectors || computeNow.isPending || computing(latest)} title={noVectors ? `No ${field} vectors yet: there is nothing to compare` : "Compute a fresh report (c)"}>
              <RefreshCw className={`mr-1 h-4 w-4 ${computing(latest) ? "animate-spin" : ""}`} />Compute now
            </Button>
          )}
        </div>
      </div>

      <DriftFilterBar filters={filters} onChange={(next) => setParams({ ...next, report: null })} />

      {computing(latest) && (
        <Card>
          <div data-testid="drift-progress" className="space-y-2">
            <p className="text-sm">{latest!.status === "queued" ? "Waiting for the worker…" : `Computing drift report… ${Math.round(latest!.progress * 100)}%`}</p>
            <div className="h-2 w-full overflow-hidden rounded bg-zinc-100 dark:bg-zinc-800"><div className="h-full bg-indigo-500 transition-all" style={{ width: `${Math.max(4, latest!.progress * 100)}%` }} /></div>
          </div>
        </Card>
      )}
      {latest?.status === "failed" && <Card><FieldError>{`The last report failed: ${latest.error ?? "unknown error"}`}</FieldError></Card>}

      {noData ? <DriftEmpty settings={sources.data.settings} /> : !selectedId ? (
        !computing(latest) && <Card><p className="text-sm text-zinc-500">No report for {field} / {model}{Object.keys(filters).length ? " with these filters" : ""} yet. {canManage ? "Press “Compute now”." : "The worker computes one hourly."}</p></Card>
      ) : report.isPending ? <Skeleton className="h-64 w-full" /> : report.isError ? <FieldError>{report.error.message}</FieldError> : (
        <>
          <Card
            title={<span className="flex items-center gap-2">Distance per {report.data.granularity} {verdict && <Badge tone={verdict.tone}>{verdict.text}</Badge>}</span>}
            description={`Reference: ${report.data.baseline === "fixed" ? "fixed baseline" : "the previous window"} · α = ${report.data.alpha} corrected over ${report.data.windows.length} windows (Holm) · drifted also needs the noise-corrected shift √(d² − noise²) above ${report.data.threshold ?? 0.05} (the grey band) · computed ${report.data.completedAt ? formatDistanceToNow(new Date(report.data.completedAt), { addSuffix: true }) : "—"}`}
          >
            <DriftChart rows={rows} />
          </Card>
          {report.data.projection && focus && (
            <div className="grid gap-6 lg:grid-cols-2">
              <Card title="Projection (PCA)" description={`Sample of the reference vs the window of ${focus.start.slice(0, report.data.granularity === "hour" ? 16 : 10).replace("T", " ")}${focus.drifted ? " (drifted)" : ""}. Click a point to open its trace.`}>
                <ProjectionScatter projectId={projectId} points={report.data.projection.points} highlight={highlight} />
              </Card>
              <Card title="Clusters" description="k-means on the combined sample, ranked by how over-represented the window is (share in window ÷ share in reference).">
                <ClusterList projectId={projectId} reportId={report.data.id} clusters={report.data.projection.clusters} canManage={canManage} highlight={highlight} onHighlight={setHighlight} />
              </Card>
            </div>
          )}
          {report.data.deepCheck && <DeepCheck check={report.data.deepCheck} />}
        </>
      )}

      {canManage && <DriftSettingsForm key={JSON.stringify(sources.data.settings)} projectId={projectId} settings={sources.data.settings} />}

      {(reports.data?.length ?? 0) > 1 && (
        <Card title="Earlier reports">
          <ul className="space-y-1 text-sm">
            {reports.data!.map((r) => (
              <li key={r.id} className="flex items-center gap-2">
                <Link href={`?${new URLSearchParams({ field, ...(model ? { model } : {}), report: r.id }).toString()}`} className={r.id === selectedId ? "font-semibold" : "text-indigo-600 hover:underline dark:text-indigo-400"}>
                  {new Date(r.createdAt).toISOString().slice(0, 16).replace("T", " ")} · {r.granularity}
                </Link>
                <Badge tone={r.status === "failed" ? "red" : r.drifted ? "red" : r.status === "done" ? "green" : "amber"}>{r.status === "done" ? (r.drifted ? "drift" : "no drift") : r.status}</Badge>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
