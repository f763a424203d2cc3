import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { type ApiKeyRow, apiKeyKeys } from "./keys";

export function useApiKeysQuery(projectId: string) {
  return useQuery({
    queryKey: apiKeyKeys.list(projectId),
    queryFn: () => apiFetch<{ apiKeys: ApiKeyRow[] }>(`/api/projects/${projectId}/api-keys`).then((r) => r.apiKeys),
  });
}
