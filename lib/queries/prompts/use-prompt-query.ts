import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { type PromptDetail, promptKeys, promptPath } from "./keys";

/** A prompt's page data by id: versions, labels (with canaries), open change requests. */
export function usePromptQuery(projectId: string, promptId: string) {
  return useQuery({ queryKey: promptKeys.detail(projectId, promptId), queryFn: () => apiFetch<PromptDetail>(promptPath(projectId, promptId)), enabled: Boolean(promptId) });
}
