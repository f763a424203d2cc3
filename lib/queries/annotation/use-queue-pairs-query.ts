import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { annotationKeys, type PairRow, queuesPath } from "./keys";

/** The first page of a queue's pairs (leads: gold marking and provenance). */
export function useQueuePairsQuery(projectId: string, queueId: string) {
  return useQuery({
    queryKey: annotationKeys.pairs(projectId, queueId),
    queryFn: () => apiFetch<{ pairs: PairRow[]; nextCursor: string | null }>(`${queuesPath(projectId)}/${queueId}/pairs?limit=200`),
  });
}
