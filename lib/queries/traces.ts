import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TraceSummary } from "@/lib/traces/list-traces";
import { apiFetch } from "./query-client";

/** A list row as JSON delivers it (dates as strings). */
export type TraceRow = Omit<TraceSummary, "startTime" | "endTime"> & { startTime: string; endTime: string };
export type TracePage = { data: TraceRow[]; nextCursor: string | null };
export type TraceFilterOptions = {
  models: string[]; environments: string[]; promptNames: string[]; promptVersions: { name: string; version: number }[];
  releases: string[]; tags: string[]; names: string[];
};
export type SavedView = { id: string; name: string; query: string; createdAt: string };

export const traceKeys = {
  all: (projectId: string) => ["projects", projectId, "traces"] as const,
  list: (projectId: string, request: Record<string, string>) => [...traceKeys.all(projectId), "list", request] as const,
  options: (projectId: string) => [...traceKeys.all(projectId), "options"] as const,
  views: (projectId: string) => ["projects", projectId, "views"] as const,
};

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

/** Whether the project has any trace at all (for the empty state): one unfiltered row. */
export function useHasAnyTrace(projectId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...traceKeys.all(projectId), "any"],
    queryFn: ({ signal }) => apiFetch<TracePage>(`/api/projects/${projectId}/traces?limit=1`, { signal }).then((r) => r.data.length > 0),
    enabled,
  });
}

export function useTraceFilterOptions(projectId: string) {
  return useQuery({
    queryKey: traceKeys.options(projectId),
    queryFn: ({ signal }) => apiFetch<TraceFilterOptions>(`/api/projects/${projectId}/trace-filter-options`, { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useSavedViews(projectId: string) {
  return useQuery({
    queryKey: traceKeys.views(projectId),
    queryFn: ({ signal }) => apiFetch<{ views: SavedView[] }>(`/api/projects/${projectId}/views`, { signal }).then((r) => r.views),
  });
}

export function useCreateSavedView(projectId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; query: string }) => apiFetch<SavedView>(`/api/projects/${projectId}/views`, { method: "POST", json: body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: traceKeys.views(projectId) }),
  });
}

export function useDeleteSavedView(projectId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (viewId: string) => apiFetch<{ ok: true }>(`/api/projects/${projectId}/views/${viewId}`, { method: "DELETE" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: traceKeys.views(projectId) }),
  });
}
