import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { type GuardrailStats, metricKeys, metricsSearch } from "./keys";

export function useGuardrailStatsQuery(projectId: string, query: { from: string; to: string; bucket: string }) {
  return useQuery({
    queryKey: metricKeys.guardrails(projectId, query),
    queryFn: ({ signal }) => apiFetch<GuardrailStats>(`/api/projects/${projectId}/metrics/guardrails?${metricsSearch(query)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}
