import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { type PromptDetail, promptKeys, promptsPath } from "./keys";

/** A prompt's page data by name (names hold "/": GET …/prompts/lookup?name=). */
export function usePromptByNameQuery(projectId: string, name: string) {
  return useQuery({
    queryKey: promptKeys.byName(projectId, name),
    queryFn: () => apiFetch<PromptDetail>(`${promptsPath(projectId)}/lookup?${new URLSearchParams({ name })}`),
    enabled: Boolean(name),
  });
}
