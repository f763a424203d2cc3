import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { MetricsResponse } from "@/lib/schemas/metrics";
import { apiFetch } from "../query-client";
import { type MetricsRequest, metricKeys, metricsSearch } from "./keys";

/** Keeps showing the last answer while a changed filter loads, so the charts don't flash to skeletons. */
export function useMetricsQuery(projectId: string, query: MetricsRequest, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: metricKeys.series(projectId, query),
    queryFn: ({ signal }) => apiFetch<MetricsResponse>(`/api/projects/${projectId}/metrics?${metricsSearch(query)}`, { signal }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}
