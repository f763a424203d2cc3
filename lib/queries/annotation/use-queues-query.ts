import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { annotationKeys, queuesPath, type QueueRow } from "./keys";

export function useQueuesQuery(projectId: string) {
  return useQuery({ queryKey: annotationKeys.queues(projectId), queryFn: () => apiFetch<{ queues: QueueRow[] }>(queuesPath(projectId)).then((r) => r.queues) });
}
