import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { promptKeys } from "./keys";

export type ReleaseWebhookTest = { eventId: string; delivered: boolean; status: number | null; error: string | null };

/** "Send test": posts a test event to the release webhook now; refreshes the recent deliveries. */
export function useTestReleaseWebhookMutation(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<ReleaseWebhookTest>(`/api/projects/${projectId}/settings/release-webhook/test`, { method: "POST" }),
    onSettled: () => client.invalidateQueries({ queryKey: promptKeys.releaseWebhook(projectId) }),
  });
}
