"use client";
import Link from "next/link";
import { useMemo } from "react";
import { type SeriesConfig, TimeSeriesChart } from "@/components/charts/time-series-chart";
import { Card, EmptyState, Skeleton } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { formatCount } from "@/lib/format/format-count";
import { formatBucketTime } from "@/lib/format/format-date";
import { prepareEvalScoreChart } from "@/lib/metrics/prepare-eval-scores";
import type { EvalScoreSeries } from "@/lib/queries/metrics/keys";
import { COLORS } from "./overview-charts";

const PALETTE = [COLORS.indigo, COLORS.green, COLORS.amber, COLORS.violet, COLORS.sky, COLORS.red];
const mean = (v: number) => (Math.abs(v) >= 10 || Number.isInteger(v) ? String(Math.round(v * 10) / 10) : v.toFixed(2));

/** Online evaluation: each eval score's daily mean, and its mean per prompt version of the scored traces. */
export function EvalScoresCard({ projectId, data, error }: { projectId: string; data: EvalScoreSeries | undefined; error?: string }) {
  const chart = useMemo(() => (data ? prepareEvalScoreChart(data.days) : undefined), [data]);
  const series: SeriesConfig[] = useMemo(() => (chart?.names ?? []).map((name, i) => ({ key: name, label: name, color: PALETTE[i % PALETTE.length]!, kind: "line", curve: "linear" })), [chart]);
  return (
    <div data-testid="eval-scores">
      <Card title="Evaluation scores" description="Online evaluation rules' scores (source eval): daily mean, and by prompt version">
        {error ? (
          <p className="text-sm text-red-600">{`Could not load evaluation scores: ${error}`}</p>
        ) : !data || !chart ? (
          <Skeleton className="h-[180px] w-full" />
        ) : chart.names.length === 0 ? (
          <EmptyState title="No evaluation scores in this range">
            <Link className="text-indigo-600 hover:underline" href={`/project/${projectId}/online-evaluations`}>Add an online evaluation rule</Link> to score a sample of production traces.
          </EmptyState>
        ) : (
          <div className="grid gap-4 lg:grid-cols-2">
            <TimeSeriesChart data={chart.rows} series={series} formatX={(t) => formatBucketTime(t, "1d", true)} formatLeft={mean} />
            <Table head={["Score", "Prompt version", "Scored", "Mean"]}>
              {data.byPrompt.slice(0, 12).map((r) => (
                <tr key={`${r.name}:${r.promptName}:${r.promptVersion}`} data-testid="eval-scores-row">
                  <Td className="max-w-[12rem] truncate"><span title={r.name}>{r.name}</span></Td>
                  <Td className="max-w-[12rem] truncate text-xs">{r.promptName ? `${r.promptName} v${r.promptVersion}` : <span className="text-zinc-400">no prompt</span>}</Td>
                  <Td className="tabular-nums">{formatCount(r.count)}</Td>
                  <Td className="font-medium tabular-nums">{mean(r.mean)}</Td>
                </tr>
              ))}
            </Table>
          </div>
        )}
      </Card>
    </div>
  );
}
