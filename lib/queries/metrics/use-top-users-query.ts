import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { metricKeys, metricsSearch, type RangeRequest, type TopUser } from "./keys";

export function useTopUsersQuery(projectId: string, query: RangeRequest) {
  return useQuery({
    queryKey: metricKeys.topUsers(projectId, query),
    queryFn: ({ signal }): Promise<TopUser[]> => apiFetch<{ users: TopUser[] }>(`/api/projects/${projectId}/metrics/top-users?${metricsSearch(query)}`, { signal }).then((r) => r.users),
    placeholderData: keepPreviousData,
  });
}
