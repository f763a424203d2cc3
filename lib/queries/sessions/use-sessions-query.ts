import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { type SessionFilters, sessionKeys, sessionSearch, type SessionSummary } from "./keys";

export function useSessionsQuery(projectId: string, filters: SessionFilters) {
  return useInfiniteQuery({
    queryKey: sessionKeys.list(projectId, filters),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      apiFetch<{ data: SessionSummary[]; nextCursor: string | null }>(`/api/projects/${projectId}/sessions?${sessionSearch({ ...filters, limit: "50", cursor: pageParam })}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}
