"use client";
import { RefreshCw } from "lucide-react";
import { useMemo, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/card";
import { FieldError } from "@/components/ui/input";
import { groupOptions, prepareBreakdown, prepareOverviewCharts } from "@/lib/metrics/prepare-overview";
import type { MetricsRequest } from "@/lib/queries/metrics/keys";
import { useFeedbackCommentsQuery } from "@/lib/queries/metrics/use-feedback-comments-query";
import { useMetricsQuery } from "@/lib/queries/metrics/use-metrics-query";
import { useEvalScoresQuery } from "@/lib/queries/metrics/use-eval-scores-query";
import { useGuardrailStatsQuery } from "@/lib/queries/metrics/use-guardrail-stats-query";
import { useTopUsersQuery } from "@/lib/queries/metrics/use-top-users-query";
import { BreakdownTable } from "./breakdown-table";
import { EvalScoresCard } from "./eval-scores-card";
import { RagQualityCard } from "./rag-quality-card";
import { FeedbackCard } from "./feedback-card";
import { FilterBar } from "./filter-bar";
import { GuardrailsCard } from "./guardrails-card";
import { OverviewCharts } from "./overview-charts";
import { OverviewEmpty } from "./overview-empty";
import { activeFilterCount } from "./overview-url-state";
import { RangePicker } from "./range-picker";
import { resolveRange } from "./range-presets";
import { StatTiles } from "./stat-tiles";
import { TopUsers } from "./top-users";
import { useNow } from "./use-now";
import { useOverviewUrlState } from "./use-overview-url-state";

const noopSubscribe = () => () => {};

export function OverviewClient({ projectId, origin }: { projectId: string; origin: string }) {
  // Ranges depend on the browser's clock and time zone, so render only once in the browser.
  const mounted = useSyncExternalStore(noopSubscribe, () => true, () => false);
  return mounted ? <Overview projectId={projectId} origin={origin} /> : <Skeleton className="h-96 w-full" />;
}

function Overview({ projectId, origin }: { projectId: string; origin: string }) {
  const [state, setState] = useOverviewUrlState();
  const [now, refresh] = useNow();
  const range = useMemo(() => resolveRange(state, now), [state, now]);
  const current = { from: range.from.toISOString(), to: range.to.toISOString() };
  const previous = { from: range.previous.from.toISOString(), to: range.previous.to.toISOString() };
  const request = (bounds: typeof current, groupBy: MetricsRequest["groupBy"]): MetricsRequest => ({ ...bounds, bucket: range.bucket, groupBy, ...state.filters });

  const byModel = useMetricsQuery(projectId, request(current, "model"));
  const byModelBefore = useMetricsQuery(projectId, request(previous, "model"));
  const byPrompt = useMetricsQuery(projectId, request(current, "promptVersion"));
  const byPromptBefore = useMetricsQuery(projectId, request(previous, "promptVersion"));
  // Unfiltered, so choosing one environment still offers the others.
  const environments = useMetricsQuery(projectId, { ...current, bucket: range.bucket, groupBy: "environment" });
  const feedback = useFeedbackCommentsQuery(projectId, { ...current, limit: 8 });
  const users = useTopUsersQuery(projectId, { ...current, limit: 10 });
  const evalScores = useEvalScoresQuery(projectId, current);
  const guardrails = useGuardrailStatsQuery(projectId, { ...current, bucket: range.bucket });

  const data = byModel.data;
  const charts = useMemo(() => (data ? prepareOverviewCharts(data) : undefined), [data]);
  // Memoised on the query data (stable between refetches that change nothing), so memoised children skip re-rendering.
  const [modelNow, modelBefore, promptNow, promptBefore] = [byModel.data, byModelBefore.data, byPrompt.data, byPromptBefore.data];
  const modelRows = useMemo(() => (modelNow && modelBefore ? prepareBreakdown(modelNow.groups, modelBefore.groups) : undefined), [modelNow, modelBefore]);
  const promptRows = useMemo(() => (promptNow && promptBefore ? prepareBreakdown(promptNow.groups, promptBefore.groups) : undefined), [promptNow, promptBefore]);
  const filtered = activeFilterCount(state.filters) > 0;
  const empty = data !== undefined && data.totals.count === 0 && !byModel.isPlaceholderData;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">Overview</h1>
        <div className="flex items-center gap-2">
          <RangePicker state={state} resolved={range} onChange={setState} />
          <Button variant="secondary" size="sm" onClick={refresh} aria-label="Refresh" title="Refresh" disabled={byModel.isFetching}>
            <RefreshCw className={`h-3.5 w-3.5 ${byModel.isFetching ? "animate-spin" : ""}`} />
          </Button>
        </div>
      </div>
      <FilterBar
        filters={state.filters}
        environments={groupOptions(state.filters.environment, environments.data?.groups)}
        models={groupOptions(state.filters.model, byModel.data?.groups, byModelBefore.data?.groups)}
        onChange={(filters) => setState({ ...state, filters })}
      />
      {byModel.isError ? (
        <FieldError>{`Could not load metrics: ${byModel.error.message}`}</FieldError>
      ) : empty ? (
        <OverviewEmpty projectId={projectId} origin={origin} filtered={filtered} onClearFilters={() => setState({ ...state, filters: {} })} />
      ) : (
        <>
          <StatTiles current={data?.totals} previous={byModelBefore.data?.totals} />
          <OverviewCharts charts={charts} />
          <FeedbackCard projectId={projectId} charts={charts} comments={feedback.data} error={feedback.error?.message} />
          <GuardrailsCard projectId={projectId} data={guardrails.data} bucket={range.bucket} error={guardrails.error?.message} />
          <div className="grid gap-4">
            <BreakdownTable title="By model" keyLabel="Model" rows={modelRows} testId="breakdown-model" />
            <BreakdownTable title="By prompt version" keyLabel="Prompt version" rows={promptRows} testId="breakdown-prompt" />
          </div>
          <EvalScoresCard projectId={projectId} data={evalScores.data} error={evalScores.error?.message} />
          <RagQualityCard projectId={projectId} data={evalScores.data} error={evalScores.error?.message} />
          <TopUsers users={users.data} error={users.error?.message} />
        </>
      )}
    </div>
  );
}
