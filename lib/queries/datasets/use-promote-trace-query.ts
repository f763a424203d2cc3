import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { datasetKeys, type PromoteTrace } from "./keys";

export function usePromoteTraceQuery(projectId: string, traceId: string | null) {
  return useQuery({
    queryKey: datasetKeys.promoteTrace(projectId, traceId ?? ""),
    queryFn: () => apiFetch<PromoteTrace>(`/api/projects/${projectId}/traces/${encodeURIComponent(traceId!)}`),
    enabled: !!traceId,
  });
}
