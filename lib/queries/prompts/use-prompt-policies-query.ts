import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { type Policy, promptKeys, promptPath } from "./keys";

/** Effective policy per label: a prompt's (promptId) or the project defaults (promptId ""). */
export function usePromptPoliciesQuery(projectId: string, promptId: string) {
  const url = promptId ? `${promptPath(projectId, promptId)}/policies` : `/api/projects/${projectId}/prompt-policies`;
  return useQuery({ queryKey: promptKeys.policies(projectId, promptId), queryFn: () => apiFetch<{ policies: Policy[] }>(url).then((r) => r.policies) });
}
