import { useInfiniteQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { type TriageFilters, triageKeys, type TriageListPage } from "./keys";

function listUrl(projectId: string, filters: TriageFilters, cursor: string | null) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) qs.set(k, v);
  if (cursor) qs.set("cursor", cursor);
  qs.set("limit", "50");
  return `/api/projects/${projectId}/triage?${qs}`;
}

export function useTriageListQuery(projectId: string, filters: TriageFilters) {
  return useInfiniteQuery({
    queryKey: triageKeys.list(projectId, filters),
    queryFn: ({ pageParam }) => apiFetch<TriageListPage>(listUrl(projectId, filters, pageParam)),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    staleTime: 10_000,
    refetchInterval: 60_000,
  });
}
