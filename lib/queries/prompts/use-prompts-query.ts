import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { type PromptListRow, promptKeys, promptsPath } from "./keys";

/** Prompts with labels and last change (GET …/prompts?q=). */
export function usePromptsQuery(projectId: string, q?: string) {
  return useQuery({
    queryKey: promptKeys.list(projectId, q),
    queryFn: () => apiFetch<{ prompts: PromptListRow[] }>(`${promptsPath(projectId)}${q ? `?${new URLSearchParams({ q })}` : ""}`).then((r) => r.prompts),
  });
}
