import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { type TriageItemDetail, triageKeys } from "./keys";

export function useTriageItemQuery(projectId: string, itemId: string | null) {
  return useQuery({
    queryKey: triageKeys.item(projectId, itemId ?? "none"),
    queryFn: () => apiFetch<TriageItemDetail>(`/api/projects/${projectId}/triage/${itemId}`),
    enabled: itemId !== null,
  });
}
