import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { runKeys, runsPath, type RunsComparisonResponse } from "./keys";

/** Runs of one golden set side by side (first = baseline); refreshed while any of them is unfinished. */
export function useRunsCompareQuery(projectId: string, ids: readonly string[]) {
  return useQuery({
    queryKey: runKeys.compare(projectId, ids),
    enabled: ids.length >= 2,
    queryFn: () => apiFetch<RunsComparisonResponse>(`${runsPath(projectId)}/compare?${new URLSearchParams({ ids: ids.join(",") })}`),
    refetchInterval: (q) => (q.state.data?.runs.some((r) => r.status === "queued" || r.status === "running") ? 2000 : false),
  });
}

/** Where the comparison's preference pairs download from. */
export const pairsDownloadUrl = (projectId: string, ids: readonly string[]) => `${runsPath(projectId)}/compare/pairs.jsonl?${new URLSearchParams({ ids: ids.join(",") })}`;
