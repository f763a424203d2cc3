import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { CreateLlmConnection } from "@/lib/schemas/llm-connections";
import { apiFetch } from "../query-client";
import { type LlmConnectionRow, llmConnectionKeys } from "./keys";

export function useCreateLlmConnection(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateLlmConnection) => apiFetch<LlmConnectionRow>(`/api/projects/${projectId}/llm-connections`, { method: "POST", json: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: llmConnectionKeys.all(projectId) }),
  });
}
