import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { annotationKeys, type DisputedPair, queuesPath } from "./keys";

export function useDisagreementsQuery(projectId: string, queueId: string) {
  return useQuery({
    queryKey: annotationKeys.disagreements(projectId, queueId),
    queryFn: () => apiFetch<{ pairs: DisputedPair[] }>(`${queuesPath(projectId)}/${queueId}/disagreements`).then((r) => r.pairs),
  });
}
