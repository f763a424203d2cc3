import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { TriageRules } from "@/lib/triage/rules";
import { apiFetch } from "../query-client";
import { triageKeys, type TriageRulesResponse } from "./keys";

export function useUpdateTriageRules(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (rules: TriageRules) => apiFetch<TriageRulesResponse>(`/api/projects/${projectId}/settings/triage`, { method: "PUT", json: rules }),
    onSuccess: (data) => client.setQueryData(triageKeys.rules(projectId), data),
  });
}
