import { type InfiniteData, type QueryKey, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TriageRules } from "@/lib/triage/rules";
import type { TriageStatus } from "@/lib/triage/status";
import { apiFetch } from "./query-client";

export type UserRef = { id: string; name: string | null; email: string };
export type TriageTraceSummary = {
  id: string; name: string | null; inputPreview: string | null; outputPreview: string | null; startTime: string; latencyMs: number;
  totalCost: number; models: string[]; userId: string | null; environment: string | null; status: "ok" | "error";
};
export type TriageItemRow = {
  id: string; traceId: string; reasons: string[]; status: TriageStatus; assignee: UserRef | null;
  createdAt: string; updatedAt: string; resolvedAt: string | null; trace: TriageTraceSummary | null;
};
export type TriageComment = { id: string; body: string; createdAt: string; author: UserRef | null };
/** The trace's first failing span (see getTriageItem); null when no span erred or the trace is gone. */
export type TriageFirstError = { spanId: string; name: string; message: string | null };
export type TriageItemDetail = TriageItemRow & { comments: TriageComment[]; firstError: TriageFirstError | null };
export type TriageListPage = { items: TriageItemRow[]; nextCursor: string | null; counts: { byStatus: Record<string, number>; byReason: Record<string, number> } };
/** status undefined = every status; assignee "me" | "none" | a user id. */
export type TriageFilters = { status?: TriageStatus; reason?: string; assignee?: string };
export type TriageRulesResponse = { rules: TriageRules; isDefault: boolean };
export type TriageChange = { status?: TriageStatus; assigneeId?: string | null };

export const triageKeys = {
  all: (projectId: string) => ["projects", projectId, "triage"] as const,
  lists: (projectId: string) => [...triageKeys.all(projectId), "list"] as const,
  list: (projectId: string, filters: TriageFilters) => [...triageKeys.lists(projectId), filters] as const,
  item: (projectId: string, itemId: string) => [...triageKeys.all(projectId), "item", itemId] as const,
  rules: (projectId: string) => ["projects", projectId, "settings", "triage"] as const,
};

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

export function useTriageItemQuery(projectId: string, itemId: string | null) {
  return useQuery({
    queryKey: triageKeys.item(projectId, itemId ?? "none"),
    queryFn: () => apiFetch<TriageItemDetail>(`/api/projects/${projectId}/triage/${itemId}`),
    enabled: itemId !== null,
  });
}

export function useTriageRulesQuery(projectId: string) {
  return useQuery({ queryKey: triageKeys.rules(projectId), queryFn: () => apiFetch<TriageRulesResponse>(`/api/projects/${projectId}/settings/triage`) });
}

export function useUpdateTriageRules(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (rules: TriageRules) => apiFetch<TriageRulesResponse>(`/api/projects/${projectId}/settings/triage`, { method: "PUT", json: rules }),
    onSuccess: (data) => client.setQueryData(triageKeys.rules(projectId), data),
  });
}

/** The item after a change, as the list shows it until the server answers. */
function applyChange<T extends TriageItemRow>(item: T, change: TriageChange, assignee: UserRef | null | undefined): T {
  return {
    ...item,
    ...(change.status ? { status: change.status } : {}),
    ...(change.assigneeId !== undefined ? { assignee: change.assigneeId === null ? null : (assignee ?? { id: change.assigneeId, name: null, email: "…" }) } : {}),
  };
}

/**
 * Status/assignee changes for one or many items (bulk is all-or-nothing on the server).
 * Optimistic: every cached list and detail shows the change at once; items that leave a
 * status-filtered list disappear from it. On error everything is restored.
 */
export function useChangeTriageItems(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ itemIds, change }: { itemIds: string[]; change: TriageChange; assignee?: UserRef | null }) =>
      itemIds.length === 1
        ? apiFetch<TriageItemDetail>(`/api/projects/${projectId}/triage/${itemIds[0]}`, { method: "PATCH", json: change }).then((i) => [i as TriageItemRow])
        : apiFetch<{ items: TriageItemRow[] }>(`/api/projects/${projectId}/triage/bulk`, { method: "POST", json: { itemIds, ...change } }).then((r) => r.items),
    onMutate: async ({ itemIds, change, assignee }) => {
      await client.cancelQueries({ queryKey: triageKeys.all(projectId) });
      const ids = new Set(itemIds);
      const snapshot: [QueryKey, unknown][] = [];
      for (const [key, data] of client.getQueriesData<InfiniteData<TriageListPage>>({ queryKey: triageKeys.lists(projectId) })) {
        if (!data) continue;
        snapshot.push([key, data]);
        const filters = (key[4] ?? {}) as TriageFilters;
        client.setQueryData<InfiniteData<TriageListPage>>(key, {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            items: page.items
              .map((i) => (ids.has(i.id) ? applyChange(i, change, assignee) : i))
              .filter((i) => !ids.has(i.id) || !filters.status || i.status === filters.status)
              .filter((i) => !ids.has(i.id) || filters.assignee !== "none" || i.assignee === null),
          })),
        });
      }
      for (const id of itemIds) {
        const key = triageKeys.item(projectId, id);
        const detail = client.getQueryData<TriageItemDetail>(key);
        if (detail) {
          snapshot.push([key, detail]);
          client.setQueryData(key, applyChange(detail, change, assignee));
        }
      }
      return { snapshot };
    },
    onError: (_error, _vars, context) => {
      for (const [key, data] of context?.snapshot ?? []) client.setQueryData(key, data);
    },
    onSettled: () => client.invalidateQueries({ queryKey: triageKeys.all(projectId) }),
  });
}

export function useAddTriageComment(projectId: string, itemId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => apiFetch<TriageComment>(`/api/projects/${projectId}/triage/${itemId}/comments`, { method: "POST", json: { body } }),
    onSuccess: (comment) => {
      client.setQueryData<TriageItemDetail>(triageKeys.item(projectId, itemId), (d) => (d ? { ...d, comments: [...d.comments, comment] } : d));
    },
  });
}

/** Manual "send to inbox" (e.g. from a trace page). */
export function useSendToInbox(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (traceId: string) => apiFetch<TriageItemRow>(`/api/projects/${projectId}/triage`, { method: "POST", json: { traceId } }),
    onSuccess: () => client.invalidateQueries({ queryKey: triageKeys.all(projectId) }),
  });
}
