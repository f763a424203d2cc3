import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { type PromptVersion, promptKeys, promptPath } from "./keys";

/** One version in full. */
export function usePromptVersionQuery(projectId: string, promptId: string, version: number) {
  return useQuery({ queryKey: promptKeys.version(projectId, promptId, version), queryFn: () => apiFetch<PromptVersion>(`${promptPath(projectId, promptId)}/versions/${version}`), staleTime: Infinity });
}
