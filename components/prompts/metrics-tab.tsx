"use client";
import { ExternalLink } from "lucide-react";
import Link from "next/link";
import { Card, EmptyState, Skeleton } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { FieldError } from "@/components/ui/input";
import { Table, Td } from "@/components/ui/table";
import { formatCost } from "@/lib/format/format-cost";
import { formatCount } from "@/lib/format/format-count";
import { formatDuration } from "@/lib/format/format-duration";
import { formatRate } from "@/lib/format/format-percent";
import { format } from "date-fns";
import type { PromptDetail } from "@/lib/queries/prompts/keys";
import { usePromptMetricsQuery } from "@/lib/queries/prompts/use-prompt-metrics-query";
import { LabelBadge } from "./label-badges";
import { prepareVersionMetrics } from "./prepare-version-metrics";

/** Per version: calls (with a share bar), error rate, p95 latency, cost and thumbs-up rate, each linking to the explorer. */
export function MetricsTab({ projectId, detail }: { projectId: string; detail: PromptDetail }) {
  const metrics = usePromptMetricsQuery(projectId, detail.prompt.id);
  if (metrics.isPending) return <Card><Skeleton className="h-40 w-full" /></Card>;
  if (metrics.isError) return <Card><FieldError>{metrics.error.message}</FieldError></Card>;
  const rows = prepareVersionMetrics(metrics.data.versions, detail.labels);
  const range = `${format(new Date(metrics.data.from), "MMM d")} – ${format(new Date(metrics.data.to), "MMM d")}`;
  return (
    <Card title="Calls by version" description={`${range}, from the rollups. Spans carry the prompt name and version your app fetched.`}>
      {rows.length === 0 ? (
        <EmptyState title="No calls recorded for this prompt yet">
          Generations created with a prompt fetched through the SDK (<code className="font-mono">pharos.getPrompt(&quot;{detail.prompt.name}&quot;)</code>) carry its name and version automatically.
        </EmptyState>
      ) : (
        <Table head={["Version", "Calls", "Error rate", "p95 latency", "Cost (per call)", "Thumbs-up", ""]}>
          {rows.map((r) => (
            <tr key={r.version} data-testid="metrics-row" data-version={r.version}>
              <Td>
                <span className="font-mono font-semibold">v{r.version}</span>
                {r.labels.length > 0 && <span className="mt-0.5 flex flex-wrap gap-1">{r.labels.map((l) => <LabelBadge key={l} label={l} version={r.version} hideVersion className="py-0" />)}</span>}
              </Td>
              <Td>
                <div className="tabular-nums">{formatCount(r.calls)}</div>
                <div className="mt-1 h-1.5 w-20 rounded bg-zinc-100 dark:bg-zinc-800" aria-hidden><div className="h-1.5 rounded bg-indigo-500" style={{ width: `${Math.round(r.share * 100)}%` }} /></div>
              </Td>
              <Td className={cn("tabular-nums", r.worseErrorRate && "font-medium text-red-700 dark:text-red-400")}>{formatRate(r.errorRate)}</Td>
              <Td className="tabular-nums">{formatDuration(r.latencyP95)}</Td>
              <Td className="whitespace-nowrap tabular-nums">{formatCost(r.cost)} <span className="text-xs text-zinc-500">({formatCost(r.costPerCall)})</span></Td>
              <Td className="tabular-nums">{formatRate(r.thumbsUpRate)}</Td>
              <Td><Link href={r.explorerUrl} className="inline-flex items-center gap-1 whitespace-nowrap text-xs text-indigo-700 hover:underline dark:text-indigo-400">Traces <ExternalLink className="size-3" /></Link></Td>
            </tr>
          ))}
        </Table>
      )}
    </Card>
  );
}
