import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../query-client";

export type AlertRuleRow = {
  id: string; name: string; measure: string; comparator: string; threshold: number; windowMinutes: number; cooldownMinutes: number;
  webhookUrl: string; mutedUntil: string | null; state: string; lastValue: number | null; lastEvaluatedAt: string | null;
  filters: Record<string, string | number> | null;
};
export type AlertEventRow = { id: string; ruleId: string; kind: string; value: number | null; threshold: number; deliveryStatus: string; deliveryAttempts: number; lastError: string | null; createdAt: string };
export type AlertRuleInput = { name: string; measure: string; comparator: string; threshold: number; windowMinutes: number; cooldownMinutes: number; webhookUrl: string; filters?: Record<string, string | number> };

export const alertKeys = {
  all: (projectId: string) => ["projects", projectId, "alerts"] as const,
  rules: (projectId: string) => [...alertKeys.all(projectId), "rules"] as const,
  events: (projectId: string) => [...alertKeys.all(projectId), "events"] as const,
};

export function useAlertRulesQuery(projectId: string) {
  return useQuery({ queryKey: alertKeys.rules(projectId), queryFn: () => apiFetch<{ rules: AlertRuleRow[] }>(`/api/projects/${projectId}/alerts`).then((r) => r.rules), refetchInterval: 30_000 });
}

export function useAlertEventsQuery(projectId: string) {
  return useQuery({ queryKey: alertKeys.events(projectId), queryFn: () => apiFetch<{ events: AlertEventRow[] }>(`/api/projects/${projectId}/alerts/events?limit=50`).then((r) => r.events), refetchInterval: 30_000 });
}

/** Create, edit/mute, delete and send-test; each refreshes the project's alert queries. */
export function useAlertMutations(projectId: string) {
  const client = useQueryClient();
  const onSuccess = () => client.invalidateQueries({ queryKey: alertKeys.all(projectId) });
  const base = `/api/projects/${projectId}/alerts`;
  return {
    create: useMutation({ mutationFn: (input: AlertRuleInput) => apiFetch<AlertRuleRow>(base, { method: "POST", json: input }), onSuccess }),
    update: useMutation({ mutationFn: ({ id, ...patch }: { id: string; mutedUntil?: string | null }) => apiFetch(`${base}/${id}`, { method: "PATCH", json: patch }), onSuccess }),
    remove: useMutation({ mutationFn: (id: string) => apiFetch(`${base}/${id}`, { method: "DELETE" }), onSuccess }),
    test: useMutation({ mutationFn: (id: string) => apiFetch<{ delivered: boolean; status: number | null; error: string | null }>(`${base}/${id}/test`, { method: "POST" }), onSuccess }),
  };
}
