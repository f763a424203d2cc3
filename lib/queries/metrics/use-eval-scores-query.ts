import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { type EvalScoreSeries, metricKeys, metricsSearch } from "./keys";

export function useEvalScoresQuery(projectId: string, query: { from: string; to: string }) {
  return useQuery({
    queryKey: metricKeys.evalScores(projectId, query),
    queryFn: ({ signal }) => apiFetch<EvalScoreSeries>(`/api/projects/${projectId}/metrics/eval-scores?${metricsSearch(query)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}
