import { formatDistanceToNow } from "date-fns";
import { useMemo } from "react";
import { Badge, Card } from "@/components/ui/card";
import { driftVerdict, prepareDriftChart, waitingSpans } from "@/lib/drift/chart/prepare-drift-chart";
import type { DriftReportDetail } from "@/lib/queries/drift/keys";
import { ClusterList } from "./cluster-list";
import { DeepCheck } from "./deep-check";
import { DriftChart } from "./drift-chart";
import { ProjectionScatter } from "./projection-scatter";
import { UntestedWindows } from "./untested-windows";

const REFERENCE_LABEL: Record<string, string> = { trailing: "the trailing week, pooled", previous: "the previous window", fixed: "fixed baseline" };

type Props = { projectId: string; report: DriftReportDetail; canManage: boolean; highlight: number | null; onHighlight: (cluster: number | null) => void };

/** One report: distance per window, then (for the window it projected) the scatter, the clusters and the deep check. */
export function DriftReportView({ projectId, report, canManage, highlight, onHighlight }: Props) {
  const rows = useMemo(() => prepareDriftChart(report.windows, report.granularity), [report]);
  const verdict = driftVerdict(report.windows);
  const focus = report.projection ? report.windows[report.projection.window] : null;
  return (
    <>
      <Card
        title={<span className="flex items-center gap-2">Distance per {report.granularity} {verdict && <Badge tone={verdict.tone}>{verdict.text}</Badge>}</span>}
        description={`Reference: ${REFERENCE_LABEL[report.baseline] ?? report.baseline} · one vector per ${report.unit ?? "span"} · α = ${report.alpha} corrected over ${report.windows.length} windows (Holm) · drifted also needs the noise-corrected shift √(d² − noise²) above ${report.threshold ?? 0.05} × the reference's spread (the grey band) · computed ${report.completedAt ? formatDistanceToNow(new Date(report.completedAt), { addSuffix: true }) : "—"}`}
      >
        <DriftChart rows={rows} />
        <UntestedWindows rows={rows} waiting={waitingSpans(report.windows)} />
      </Card>
      {report.projection && focus && (
        <div className="grid gap-6 lg:grid-cols-2">
          <Card title="Projection (PCA)" description={`Sample of the reference vs the window of ${focus.start.slice(0, report.granularity === "hour" ? 16 : 10).replace("T", " ")}${focus.drifted ? " (drifted)" : ""}. Click a point to open its trace.`}>
            <ProjectionScatter projectId={projectId} points={report.projection.points} highlight={highlight} />
          </Card>
          <Card title="Clusters" description="k-means on the combined sample, ranked by the share of the window they add (share in window − share in reference); the badge shows the ratio.">
            <ClusterList projectId={projectId} reportId={report.id} clusters={report.projection.clusters} canManage={canManage} highlight={highlight} onHighlight={onHighlight} />
          </Card>
        </div>
      )}
      {report.deepCheck && <DeepCheck check={report.deepCheck} />}
    </>
  );
}
