import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { type TracePage, traceKeys } from "./keys";

/** Pages chained by the server's keyset cursor; the request holds absolute bounds, so pages stay consistent. */
export function useTraceListQuery(projectId: string, request: Record<string, string>, limit = 50) {
  return useInfiniteQuery({
    queryKey: traceKeys.list(projectId, { ...request, limit: String(limit) }),
    queryFn: ({ pageParam, signal }) => {
      const qs = new URLSearchParams({ ...request, limit: String(limit), ...(pageParam ? { cursor: pageParam } : {}) });
      return apiFetch<TracePage>(`/api/projects/${projectId}/traces?${qs}`, { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}
