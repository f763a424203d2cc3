import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { annotationKeys, queuesPath, type QueueStats } from "./keys";

export function useQueueStatsQuery(projectId: string, queueId: string) {
  return useQuery({ queryKey: annotationKeys.stats(projectId, queueId), queryFn: () => apiFetch<QueueStats>(`${queuesPath(projectId)}/${queueId}/stats`) });
}
