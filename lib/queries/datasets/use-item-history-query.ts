import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { datasetKeys, datasetsPath, type ItemVersion, type UserNames } from "./keys";

export function useItemHistoryQuery(projectId: string, datasetId: string, itemId: string | null) {
  return useQuery({
    queryKey: datasetKeys.history(projectId, datasetId, itemId ?? ""),
    queryFn: () => apiFetch<{ itemId: string; versions: ItemVersion[]; users: UserNames }>(`${datasetsPath(projectId)}/${datasetId}/items/${itemId}/history`),
    enabled: !!itemId,
  });
}
