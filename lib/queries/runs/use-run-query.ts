import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { type RunRow, runKeys, runsPath } from "./keys";

/** One run; polled every second while queued or running, so progress (done/total, failures, cost, ETA) is live. */
export function useRunQuery(projectId: string, runId: string) {
  return useQuery({
    queryKey: runKeys.detail(projectId, runId),
    queryFn: () => apiFetch<RunRow>(`${runsPath(projectId)}/${runId}`),
    refetchInterval: (q) => (q.state.data && (q.state.data.status === "queued" || q.state.data.status === "running") ? 1000 : false),
  });
}
