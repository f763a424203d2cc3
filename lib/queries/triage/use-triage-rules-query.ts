import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { triageKeys, type TriageRulesResponse } from "./keys";

export function useTriageRulesQuery(projectId: string) {
  return useQuery({ queryKey: triageKeys.rules(projectId), queryFn: () => apiFetch<TriageRulesResponse>(`/api/projects/${projectId}/settings/triage`) });
}
