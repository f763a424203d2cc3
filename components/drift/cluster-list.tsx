"use client";
import { Inbox } from "lucide-react";
import Link from "next/link";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import type { DriftClusterView } from "@/lib/queries/drift/keys";
import { useDriftMutations } from "@/lib/queries/drift/use-drift-mutations";

const pct = (v: number) => `${Math.round(v * 100)}%`;

/** Clusters of the combined sample, most over-represented in the current window first. */
export function ClusterList({ projectId, reportId, clusters, canManage, highlight, onHighlight }: {
  projectId: string; reportId: string; clusters: DriftClusterView[]; canManage: boolean; highlight: number | null; onHighlight: (c: number | null) => void;
}) {
  const { sendCluster } = useDriftMutations(projectId);
  const send = (c: DriftClusterView) =>
    sendCluster.mutate({ reportId, cluster: c.cluster }, {
      onSuccess: (r) => toast.success(`${r.traces} trace${r.traces === 1 ? "" : "s"} sent to the inbox (reason: drift)`),
      onError: (e) => toast.error(e.message),
    });
  return (
    <ol className="space-y-3" data-testid="drift-clusters">
      {clusters.map((c, rank) => (
        <li key={c.cluster} data-testid="drift-cluster"
          className={`rounded-md border p-3 ${highlight === c.cluster ? "border-indigo-400 bg-indigo-50/40 dark:bg-indigo-950/30" : "border-zinc-200 dark:border-zinc-800"}`}
          onMouseEnter={() => onHighlight(c.cluster)} onMouseLeave={() => onHighlight(null)}>
          <div className="flex flex-wrap items-center gap-2">
            <span className="text-sm font-semibold">#{rank + 1} · cluster {c.cluster + 1}</span>
            <Badge tone={c.lift >= 2 ? "red" : c.lift >= 1.2 ? "amber" : c.lift <= 0.5 ? "indigo" : "zinc"}>{c.lift >= 1 ? `${c.lift.toFixed(1)}× over-represented` : `${(1 / c.lift).toFixed(1)}× under-represented`}</Badge>
            <span className="text-xs text-zinc-500 tabular-nums">window {pct(c.currentShare)} ({c.currentCount}) vs reference {pct(c.referenceShare)} ({c.referenceCount})</span>
            {canManage && c.traceIds.length > 0 && (
              <Button size="sm" variant="secondary" className="ml-auto" onClick={() => send(c)} disabled={sendCluster.isPending}>
                <Inbox className="mr-1 h-3.5 w-3.5" />Send {c.traceIds.length} to inbox
              </Button>
            )}
          </div>
          {c.examples.length > 0 && (
            <ul className="mt-2 space-y-1">
              {c.examples.slice(0, 3).map((e) => (
                <li key={e.traceId} className="truncate text-xs">
                  <Link href={`/project/${projectId}/traces/${e.traceId}`} className="text-indigo-600 hover:underline dark:text-indigo-400">{e.text || e.traceId}</Link>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
