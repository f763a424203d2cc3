"use client";
import Link from "next/link";
import { memo, useMemo } from "react";
import { LazyMount } from "@/components/charts/lazy-mount";
import { type SeriesConfig, TimeSeriesChart } from "@/components/charts/time-series-chart";
import { Card, EmptyState, Skeleton } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { formatCount } from "@/lib/format/format-count";
import { formatBucketTime } from "@/lib/format/format-date";
import { formatRate } from "@/lib/format/format-percent";
import { prepareGuardrailChart } from "@/lib/metrics/prepare-guardrails";
import type { GuardrailStats } from "@/lib/queries/metrics/keys";
import type { Bucket } from "@/lib/schemas/metrics";
import { COLORS } from "./overview-charts";

const SERIES: SeriesConfig[] = [
  { key: "blocked", label: "Blocked", color: COLORS.red, kind: "bar", stack: "calls" },
  { key: "masked", label: "Masked", color: COLORS.amber, kind: "bar", stack: "calls" },
  { key: "allowed", label: "Allowed", color: COLORS.zinc, kind: "bar", stack: "calls" },
];

/** Inline guardrails over the range: block and mask rates, calls per bucket by verdict, by policy, and what was found. */
export const GuardrailsCard = memo(function GuardrailsCard({ projectId, data, bucket, error }: { projectId: string; data: GuardrailStats | undefined; bucket: Bucket; error?: string }) {
  const rows = useMemo(() => (data ? prepareGuardrailChart(data.series) : undefined), [data]);
  const spansDays = rows !== undefined && rows.length > 1 && rows[rows.length - 1]!.time - rows[0]!.time > 86_400_000;
  const tiles = data && [
    ["Guard calls", formatCount(data.totals.calls)],
    ["Block rate", formatRate(data.totals.blockRate)],
    ["Mask rate", formatRate(data.totals.maskRate)],
  ];
  return (
    <div data-testid="guardrails-card">
      <Card title="Guardrails" description="Inline guard calls (POST /api/public/guard) and other guardrail spans: share blocked, share masked, and what the detectors found">
        {error ? (
          <p className="text-sm text-red-600">{`Could not load guardrail rates: ${error}`}</p>
        ) : !data || !rows || !tiles ? (
          <Skeleton className="h-[180px] w-full" />
        ) : data.totals.calls === 0 ? (
          <EmptyState title="No guard calls in this range">
            Call <code>POST /api/public/guard</code> (or the SDK&apos;s <code>guardInput()</code> / <code>guardOutput()</code>) before and after your LLM calls; <Link className="text-indigo-600 hover:underline" href={`/project/${projectId}/settings/guardrails`}>set up policies</Link>.
          </EmptyState>
        ) : (
          <div className="space-y-4">
            <div className="grid grid-cols-3 gap-3" data-testid="guardrail-rates">
              {tiles.map(([label, value]) => (
                <div key={label} className="rounded-md bg-zinc-50 px-3 py-2 dark:bg-zinc-800/50">
                  <p className="text-xs font-medium text-zinc-500">{label}</p>
                  <p className="text-lg font-semibold tabular-nums">{value}</p>
                </div>
              ))}
            </div>
            <div className="grid gap-4 lg:grid-cols-[3fr_2fr]">
              <LazyMount placeholder={<Skeleton className="h-[180px] w-full" />}>
                <TimeSeriesChart data={rows} series={SERIES} formatX={(t) => formatBucketTime(t, bucket, spansDays)} formatLeft={formatCount} integerLeft />
              </LazyMount>
              <div className="space-y-3">
                <Table head={["Policy", "Side", "Calls", "Blocked", "Masked"]}>
                  {data.byPolicy.slice(0, 8).map((p) => (
                    <tr key={`${p.policy}:${p.direction}`} data-testid="guardrail-policy-row">
                      <Td className="max-w-[10rem] truncate font-medium"><span title={p.policy}>{p.policy}</span></Td>
                      <Td className="text-xs">{p.direction}</Td>
                      <Td className="tabular-nums">{formatCount(p.calls)}</Td>
                      <Td className="tabular-nums">{formatRate(p.blockRate)}</Td>
                      <Td className="tabular-nums">{formatRate(p.maskRate)}</Td>
                    </tr>
                  ))}
                </Table>
                {data.byType.length > 0 && (
                  <p className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="guardrail-types">
                    Found: {data.byType.slice(0, 8).map((t) => `${t.type} ${formatCount(t.count)}`).join(" · ")}
                  </p>
                )}
                <Link className="text-xs text-indigo-600 hover:underline" href={`/project/${projectId}/traces?flags=guardrail_blocked`}>Traces with a blocked call →</Link>
              </div>
            </div>
          </div>
        )}
      </Card>
    </div>
  );
});
