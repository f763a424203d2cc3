import { useInfiniteQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { type SessionDetail, sessionKeys, sessionSearch } from "./keys";

export function useSessionQuery(projectId: string, sessionId: string) {
  return useInfiniteQuery({
    queryKey: sessionKeys.detail(projectId, sessionId),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => apiFetch<SessionDetail>(`/api/projects/${projectId}/sessions/${encodeURIComponent(sessionId)}?${sessionSearch({ cursor: pageParam })}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
