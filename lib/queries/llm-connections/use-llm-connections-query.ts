import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { type LlmConnectionRow, llmConnectionKeys } from "./keys";

export function useLlmConnectionsQuery(projectId: string) {
  return useQuery({
    queryKey: llmConnectionKeys.list(projectId),
    queryFn: () => apiFetch<{ connections: LlmConnectionRow[] }>(`/api/projects/${projectId}/llm-connections`).then((r) => r.connections),
  });
}
