import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { UpdateLlmConnection } from "@/lib/schemas/llm-connections";
import { apiFetch } from "../query-client";
import { type LlmConnectionRow, llmConnectionKeys } from "./keys";

export function useUpdateLlmConnection(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ connectionId, changes }: { connectionId: string; changes: UpdateLlmConnection }) =>
      apiFetch<LlmConnectionRow>(`/api/projects/${projectId}/llm-connections/${connectionId}`, { method: "PATCH", json: changes }),
    onSuccess: () => client.invalidateQueries({ queryKey: llmConnectionKeys.all(projectId) }),
  });
}
