import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { annotationKeys, type NextPair, type Pick, type Progress, queuesPath } from "./keys";

/**
 * The annotator's loop: the pair on screen (leased), and the one after it already leased and
 * loaded (prefetched with `exclude` = the current pair) so a submit shows the next at once.
 * `after` names the pair the current one was fetched behind ("" for the first).
 */
export function useJudging(projectId: string, queueId: string, after: string) {
  const client = useQueryClient();
  const base = `${queuesPath(projectId)}/${queueId}`;
  const fetchNext = (exclude: string[]) => apiFetch<NextPair>(`${base}/next`, { method: "POST", json: { exclude } });
  // Leases change server state: never refetch behind the annotator's back.
  const opts = { staleTime: Infinity, gcTime: 10 * 60_000, refetchOnWindowFocus: false, refetchOnReconnect: false, retry: false } as const;
  const current = useQuery({ queryKey: annotationKeys.next(projectId, queueId, after), queryFn: () => fetchNext(after ? [after] : []), ...opts });
  const currentId = current.data?.pair?.id;
  const upcoming = useQuery({
    queryKey: annotationKeys.next(projectId, queueId, currentId ?? "none"),
    queryFn: () => fetchNext(currentId ? [currentId] : []),
    enabled: !!currentId,
    ...opts,
  });
  const submit = useMutation({
    mutationFn: (body: { pairId: string; pick: Pick; rationale?: string; criteria?: Record<string, number>; durationMs: number }) =>
      apiFetch<{ judgment: { id: string; choice: string }; progress: Progress }>(`${base}/judgments`, { method: "POST", json: body }),
  });
  const rate = useMutation({
    mutationFn: (body: { pairId: string; scores: Record<string, number | string | boolean>; comment?: string; durationMs: number }) =>
      apiFetch<{ judgment: { id: string }; progress: Progress }>(`${base}/ratings`, { method: "POST", json: body }),
  });
  const skip = useMutation({ mutationFn: (pairId: string) => apiFetch(`${base}/skip`, { method: "POST", json: { pairId } }) });
  const undo = useMutation({ mutationFn: (judgmentId: string) => apiFetch<NextPair>(`${base}/undo`, { method: "POST", json: { judgmentId } }) });
  /** Forget cached leases (after an undo the pair order is the server's again). */
  const reset = () => client.removeQueries({ queryKey: [...annotationKeys.all(projectId), "next", queueId] });
  return { current, upcoming, submit, rate, skip, undo, reset };
}
