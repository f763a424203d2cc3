"use client";
import { ChevronLeft } from "lucide-react";
import Link from "next/link";
import { ComparisonBarChart } from "@/components/charts/comparison-bar-chart";
import { Badge, Card, Skeleton } from "@/components/ui/card";
import { FieldError } from "@/components/ui/input";
import { Table, Td } from "@/components/ui/table";
import { formatDateTime, formatRelative } from "@/lib/format/format-date";
import { formatDuration } from "@/lib/format/format-duration";
import { formatPercent } from "@/lib/format/format-percent";
import type { CanaryComparison } from "@/lib/queries/prompts/keys";
import { useCanaryQuery } from "@/lib/queries/prompts/use-canary-query";
import { CanaryActions } from "./canary-actions";
import { CanaryGuardCard } from "./canary-guard-card";
import { canaryStatusView, prepareComparisonBars, prepareComparisonRows } from "./prepare-canary";

export const MAIN_COLOR = "#a1a1aa";
export const CANARY_COLOR = "#6366f1";

/** The canary page: canary vs main since it started, the guard, and Promote / End while active. */
export function CanaryClient({ projectId, promptId, canaryId, canManage }: { projectId: string; promptId: string; canaryId: string; canManage: boolean }) {
  const query = useCanaryQuery(projectId, promptId, canaryId);
  const back = `/project/${projectId}/prompts/${promptId}/canaries`;
  if (query.isPending) return <div className="space-y-4"><Skeleton className="h-10 w-80" /><Skeleton className="h-64 w-full" /></div>;
  if (query.isError) return <FieldError>{query.error.message}</FieldError>;
  const data = query.data;
  const { canary } = data;
  const status = canaryStatusView(canary);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <Link href={back} className="inline-flex items-center gap-1 text-xs text-zinc-500 hover:text-zinc-800 dark:hover:text-zinc-200">
            <ChevronLeft className="h-3.5 w-3.5" aria-hidden /> {data.promptName} · canaries
          </Link>
          <h1 className="mt-1 flex items-center gap-2 text-xl font-semibold">
            Canary v{canary.canaryVersion} on {canary.label} <Badge tone={status.tone}>{status.label}</Badge>
          </h1>
          <p className="mt-1 text-sm text-zinc-500">
            {formatPercent(canary.percent)} of {canary.label}&apos;s calls get v{canary.canaryVersion}, the rest v{canary.baseVersion} ·
            started <span title={formatDateTime(canary.startedAt)}>{formatRelative(canary.startedAt)}</span>
            {canary.endedAt && <> · ended <span title={formatDateTime(canary.endedAt)}>{formatRelative(canary.endedAt)}</span></>}
          </p>
          {status.detail && (
            <p role="status" className={`mt-2 rounded-md px-3 py-2 text-sm ${canary.status === "guard_ended" ? "bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-200" : "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300"}`}>
              {canary.status === "guard_ended" ? "The guard ended it: " : "Reason: "}{status.detail}
            </p>
          )}
        </div>
        {canManage && canary.status === "active" && <CanaryActions projectId={projectId} canary={canary} />}
      </div>
      <ComparisonCard data={data} />
      <CanaryGuardCard data={data} />
    </div>
  );
}

function ComparisonCard({ data }: { data: CanaryComparison }) {
  const rows = prepareComparisonRows(data);
  const bars = prepareComparisonBars(data);
  const series = [
    { key: "main", label: `main v${data.main.version}`, color: MAIN_COLOR },
    { key: "canary", label: `canary v${data.canaryVersion.version}`, color: CANARY_COLOR },
  ];
  return (
    <Card title={`v${data.canaryVersion.version} vs v${data.main.version} since the canary started`} description="From the per-minute rollups of this prompt's LLM calls. Rates are tested with a two-proportion z-test (two-sided).">
      <Table head={["Measure", `Main v${data.main.version}`, `Canary v${data.canaryVersion.version}`, "Change", <span key="p" className="whitespace-nowrap">p-value</span>, "Verdict"]}>
        {rows.map((r) => (
          <tr key={r.key} data-testid={`canary-row-${r.key}`}>
            <Td className="whitespace-nowrap font-medium">{r.label}</Td>
            <Td className="whitespace-nowrap tabular-nums">{r.main}</Td>
            <Td className="whitespace-nowrap tabular-nums">{r.canary}</Td>
            <Td className="tabular-nums text-zinc-600 dark:text-zinc-400">{r.change}</Td>
            <Td className="tabular-nums">{r.pValue ?? ""}</Td>
            <Td>{r.verdict && <Badge tone={r.verdict.tone}>{r.verdict.text}</Badge>}</Td>
          </tr>
        ))}
      </Table>
      <div className="mt-4 grid gap-4 md:grid-cols-2">
        <figure>
          <figcaption className="mb-1 text-xs font-medium text-zinc-500">Error and thumbs-up rate</figcaption>
          <ComparisonBarChart data={bars.rates} series={series} formatValue={(v) => formatPercent(v)} />
        </figure>
        <figure>
          <figcaption className="mb-1 text-xs font-medium text-zinc-500">Latency</figcaption>
          <ComparisonBarChart data={bars.latency} series={series} formatValue={(v) => formatDuration(v)} />
        </figure>
      </div>
    </Card>
  );
}
