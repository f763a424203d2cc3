import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { type TracePage, traceKeys } from "./keys";

/** Whether the project has any trace at all (for the empty state): one unfiltered row. */
export function useHasAnyTrace(projectId: string, enabled: boolean) {
  return useQuery({
    queryKey: traceKeys.any(projectId),
    queryFn: ({ signal }) => apiFetch<TracePage>(`/api/projects/${projectId}/traces?limit=1`, { signal }).then((r) => r.data.length > 0),
    enabled,
  });
}
