import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { apiKeyKeys, type CreatedApiKey } from "./keys";

export function useCreateApiKey(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (note: string) => apiFetch<CreatedApiKey>(`/api/projects/${projectId}/api-keys`, { method: "POST", json: { note: note || undefined } }),
    onSuccess: () => client.invalidateQueries({ queryKey: apiKeyKeys.all(projectId) }),
  });
}
