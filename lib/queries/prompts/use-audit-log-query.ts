import { useInfiniteQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { type AuditFilters, auditKeys, type AuditPage } from "./keys";

/** The project's audit rows, newest first, one keyset page at a time (filters live in the URL). */
export function useAuditLogQuery(projectId: string, filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: auditKeys.list(projectId, filters),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const qs = new URLSearchParams(Object.entries({ ...filters, cursor: pageParam ?? undefined }).filter((e): e is [string, string] => Boolean(e[1])));
      return apiFetch<AuditPage>(`/api/projects/${projectId}/audit${qs.size ? `?${qs}` : ""}`);
    },
    getNextPageParam: (last) => last.nextCursor,
  });
}
