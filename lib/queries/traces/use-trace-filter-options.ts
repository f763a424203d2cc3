import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { type TraceFilterOptions, traceKeys } from "./keys";

export function useTraceFilterOptions(projectId: string) {
  return useQuery({
    queryKey: traceKeys.options(projectId),
    queryFn: ({ signal }) => apiFetch<TraceFilterOptions>(`/api/projects/${projectId}/trace-filter-options`, { signal }),
    staleTime: 5 * 60_000,
  });
}
