import { type InfiniteData, type QueryKey, useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { type TriageChange, type TriageFilters, type TriageItemDetail, type TriageItemRow, triageKeys, type TriageListPage, type UserRef } from "./keys";

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
