import { useInfiniteQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { type DatasetItemRow, datasetKeys, datasetsPath, type UserNames } from "./keys";

export type DatasetItemsPage = { items: DatasetItemRow[]; nextCursor: string | null; total: number; users: UserNames };

/** Current items, or the snapshot as of `at` (ISO), a page of 200 at a time ("Load more"). */
export function useDatasetItemsQuery(projectId: string, datasetId: string, at: string | null) {
  return useInfiniteQuery({
    queryKey: datasetKeys.items(projectId, datasetId, at),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: "200" });
      if (at) params.set("at", at);
      if (pageParam) params.set("cursor", pageParam);
      return apiFetch<DatasetItemsPage>(`${datasetsPath(projectId)}/${datasetId}/items?${params}`, { signal });
    },
    getNextPageParam: (last) => last.nextCursor,
  });
}
