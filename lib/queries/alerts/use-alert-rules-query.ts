import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { alertKeys, type AlertRuleRow } from "./keys";

export function useAlertRulesQuery(projectId: string) {
  return useQuery({ queryKey: alertKeys.rules(projectId), queryFn: () => apiFetch<{ rules: AlertRuleRow[] }>(`/api/projects/${projectId}/alerts`).then((r) => r.rules), refetchInterval: 30_000 });
}
