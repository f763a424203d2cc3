import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { alertKeys, type AlertRuleInput, type AlertRulePatch, type AlertRuleRow } from "./keys";

/** Create, edit/mute, delete and send-test; each refreshes the project's alert queries. */
export function useAlertMutations(projectId: string) {
  const client = useQueryClient();
  const onSuccess = () => client.invalidateQueries({ queryKey: alertKeys.all(projectId) });
  const base = `/api/projects/${projectId}/alerts`;
  return {
    create: useMutation({ mutationFn: (input: AlertRuleInput) => apiFetch<AlertRuleRow>(base, { method: "POST", json: input }), onSuccess }),
    update: useMutation({ mutationFn: ({ id, ...patch }: { id: string } & AlertRulePatch) => apiFetch<AlertRuleRow>(`${base}/${id}`, { method: "PATCH", json: patch }), onSuccess }),
    remove: useMutation({ mutationFn: (id: string) => apiFetch(`${base}/${id}`, { method: "DELETE" }), onSuccess }),
    test: useMutation({ mutationFn: (id: string) => apiFetch<{ delivered: boolean; status: number | null; error: string | null }>(`${base}/${id}/test`, { method: "POST" }), onSuccess }),
  };
}
