import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { type CanaryComparison, promptKeys, promptPath } from "./keys";

/** The canary page: canary vs main since the start, refreshed every minute while active. */
export function useCanaryQuery(projectId: string, promptId: string, canaryId: string) {
  return useQuery({
    queryKey: promptKeys.canary(projectId, promptId, canaryId),
    queryFn: () => apiFetch<CanaryComparison>(`${promptPath(projectId, promptId)}/canaries/${canaryId}`),
    refetchInterval: (query) => (query.state.data?.canary.status === "active" ? 60_000 : false),
  });
}
