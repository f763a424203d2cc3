import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { traceKeys } from "./keys";
import type { TraceDetail } from "./trace-detail";

export function useTraceDetailQuery(projectId: string, traceId: string) {
  return useQuery({
    queryKey: traceKeys.detail(projectId, traceId),
    queryFn: () => apiFetch<TraceDetail>(`/api/projects/${projectId}/traces/${encodeURIComponent(traceId)}`),
  });
}
