import { ThumbsDown, ThumbsUp } from "lucide-react";
import Link from "next/link";
import { memo, useMemo } from "react";
import { LazyMount } from "@/components/charts/lazy-mount";
import { type SeriesConfig, TimeSeriesChart } from "@/components/charts/time-series-chart";
import { Skeleton } from "@/components/ui/card";
import { formatCount } from "@/lib/format/format-count";
import { formatPercent } from "@/lib/format/format-percent";
import { MIN_RATE_VOTES, type OverviewCharts as Charts } from "@/lib/metrics/prepare-overview";
import { formatRelative } from "@/lib/format/format-date";
import type { FeedbackComment } from "@/lib/queries/metrics/keys";
import { ChartCard } from "./chart-card";
import { COLORS, timeFormatter } from "./overview-charts";

const FEEDBACK: SeriesConfig[] = [
  { key: "up", label: "Thumbs up", color: COLORS.green, kind: "bar", stack: "votes" },
  { key: "down", label: "Thumbs down", color: COLORS.red, kind: "bar", stack: "votes" },
  { key: "upRate", label: `Thumbs-up rate (≥ ${MIN_RATE_VOTES} votes)`, color: COLORS.indigo, kind: "line", axis: "right", curve: "linear" },
];

/** User feedback over time, with the latest comments beside the chart so a dip can be read about at once. */
export const FeedbackCard = memo(function FeedbackCard({ projectId, charts, comments, error }: { projectId: string; charts: Charts | undefined; comments: FeedbackComment[] | undefined; error?: string }) {
  const x = useMemo(() => timeFormatter(charts), [charts]);
  return (
    <ChartCard title="User feedback" description={`Thumbs up/down per bucket and the share that were up (over at least ${MIN_RATE_VOTES} votes, reaching back to earlier buckets when one has fewer); latest comments on the right`} testId="chart-feedback" loading={false}>
      <div className="grid gap-4 lg:grid-cols-[3fr_2fr]">
        {charts ? (
          <LazyMount placeholder={<Skeleton className="h-[180px] w-full" />}>
            <TimeSeriesChart data={charts.feedback} series={FEEDBACK} formatX={x} formatLeft={formatCount} formatRight={formatPercent} integerLeft />
          </LazyMount>
        ) : <Skeleton className="h-[180px] w-full" />}
        {error ? <p className="self-center text-center text-sm text-red-600">{`Could not load comments: ${error}`}</p> : <FeedbackComments projectId={projectId} comments={comments} />}
      </div>
    </ChartCard>
  );
});

function FeedbackComments({ projectId, comments }: { projectId: string; comments: FeedbackComment[] | undefined }) {
  if (!comments) return <Skeleton className="h-[180px] w-full" />;
  if (!comments.length) return <p className="self-center text-center text-sm text-zinc-500">No feedback comments in this range.</p>;
  return (
    <ul className="max-h-[200px] space-y-2 overflow-y-auto pr-1" data-testid="feedback-comments">
      {comments.map((c) => (
        <li key={`${c.traceId}-${c.createdAt}`} className="text-sm">
          <div className="flex items-center gap-2">
            {c.value === "up" ? <ThumbsUp aria-label="Thumbs up" className="h-3.5 w-3.5 shrink-0 text-emerald-600" /> : <ThumbsDown aria-label="Thumbs down" className="h-3.5 w-3.5 shrink-0 text-red-600" />}
            <Link href={`/project/${projectId}/traces/${encodeURIComponent(c.traceId)}`} className="min-w-0 truncate font-medium text-indigo-600 hover:underline dark:text-indigo-400">
              {c.traceName ?? c.traceId}
            </Link>
            <span className="ml-auto shrink-0 text-xs text-zinc-400">{formatRelative(c.createdAt)}</span>
          </div>
          {c.comment && <p className="mt-0.5 line-clamp-2 text-zinc-600 dark:text-zinc-400">{c.comment}</p>}
        </li>
      ))}
    </ul>
  );
}
