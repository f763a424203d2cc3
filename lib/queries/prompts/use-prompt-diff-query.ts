import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { type PromptVersion, promptKeys, promptPath } from "./keys";

/** Both versions for the side-by-side diff (versions are immutable: never stale). */
export function usePromptDiffQuery(projectId: string, promptId: string, from: number, to: number) {
  return useQuery({
    queryKey: promptKeys.diff(projectId, promptId, from, to),
    queryFn: () => apiFetch<{ from: PromptVersion; to: PromptVersion }>(`${promptPath(projectId, promptId)}/diff?${new URLSearchParams({ from: String(from), to: String(to) })}`),
    enabled: from > 0 && to > 0,
    staleTime: Infinity,
  });
}
