import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { type TriageItemRow, triageKeys } from "./keys";

/** Manual "send to inbox" (e.g. from a trace page). */
export function useSendToInbox(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (traceId: string) => apiFetch<TriageItemRow>(`/api/projects/${projectId}/triage`, { method: "POST", json: { traceId } }),
    onSuccess: () => client.invalidateQueries({ queryKey: triageKeys.all(projectId) }),
  });
}
