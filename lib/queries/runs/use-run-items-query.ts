import { useInfiniteQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { type RunItemRow, runKeys, runsPath } from "./keys";

/** A run's items in snapshot order, page by page, optionally of one status. */
export function useRunItemsQuery(projectId: string, runId: string, status: RunItemRow["status"] | null = null) {
  return useInfiniteQuery({
    queryKey: runKeys.items(projectId, runId, status),
    initialPageParam: null as number | null,
    queryFn: ({ pageParam }) => {
      const q = new URLSearchParams();
      if (status) q.set("status", status);
      if (pageParam !== null) q.set("cursor", String(pageParam));
      return apiFetch<{ items: RunItemRow[]; nextCursor: number | null }>(`${runsPath(projectId)}/${runId}/items?${q}`);
    },
    getNextPageParam: (last) => last.nextCursor,
  });
}
