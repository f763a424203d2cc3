import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { type RetentionResponse, retentionKeys, retentionPath } from "./keys";

/** Sets the retention in days, or `null` to keep traces forever. */
export function useUpdateRetention(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (days: number | null) => apiFetch<RetentionResponse>(retentionPath(projectId), { method: "PUT", json: { days } }),
    onSuccess: (data) => client.setQueryData(retentionKeys.settings(projectId), data),
  });
}
