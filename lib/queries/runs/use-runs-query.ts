import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { type RunRow, runKeys, runsPath } from "./keys";

/** The project's runs (optionally of one golden set), newest first; refreshed while any is unfinished. */
export function useRunsQuery(projectId: string, datasetId: string | null = null) {
  return useQuery({
    queryKey: runKeys.list(projectId, datasetId),
    queryFn: () => apiFetch<{ runs: RunRow[]; nextCursor: string | null }>(`${runsPath(projectId)}${datasetId ? `?datasetId=${encodeURIComponent(datasetId)}` : ""}`),
    refetchInterval: (q) => (q.state.data?.runs.some((r) => r.status === "queued" || r.status === "running") ? 2000 : false),
  });
}
