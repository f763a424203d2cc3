import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { type SavedView, traceKeys } from "./keys";

export function useSavedViews(projectId: string) {
  return useQuery({
    queryKey: traceKeys.views(projectId),
    queryFn: ({ signal }) => apiFetch<{ views: SavedView[] }>(`/api/projects/${projectId}/views`, { signal }).then((r) => r.views),
  });
}
