import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { annotationKeys, queuesPath, type QueueRow } from "./keys";

export function useQueueQuery(projectId: string, queueId: string) {
  return useQuery({ queryKey: annotationKeys.queue(projectId, queueId), queryFn: () => apiFetch<QueueRow>(`${queuesPath(projectId)}/${queueId}`) });
}
