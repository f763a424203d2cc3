import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { promptKeys, type ReleaseWebhook } from "./keys";

/** The project's release webhook and its recent deliveries. */
export function useReleaseWebhookQuery(projectId: string) {
  return useQuery({ queryKey: promptKeys.releaseWebhook(projectId), queryFn: () => apiFetch<ReleaseWebhook>(`/api/projects/${projectId}/settings/release-webhook`) });
}
