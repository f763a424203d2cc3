import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { llmConnectionKeys } from "./keys";

export function useDeleteLlmConnection(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (connectionId: string) => apiFetch(`/api/projects/${projectId}/llm-connections/${connectionId}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: llmConnectionKeys.all(projectId) }),
  });
}
