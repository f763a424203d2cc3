import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { apiKeyKeys } from "./keys";

export function useRevokeApiKey(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (apiKeyId: string) => apiFetch(`/api/projects/${projectId}/api-keys/${apiKeyId}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: apiKeyKeys.all(projectId) }),
  });
}
