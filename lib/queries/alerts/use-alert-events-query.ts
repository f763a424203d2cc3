import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { type AlertEventRow, alertKeys } from "./keys";

export function useAlertEventsQuery(projectId: string) {
  return useQuery({ queryKey: alertKeys.events(projectId), queryFn: () => apiFetch<{ events: AlertEventRow[] }>(`/api/projects/${projectId}/alerts/events?limit=50`).then((r) => r.events), refetchInterval: 30_000 });
}
