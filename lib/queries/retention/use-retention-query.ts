import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { type RetentionResponse, retentionKeys, retentionPath } from "./keys";

/** How long the project keeps traces, what the next pass deletes, and the oldest trace stored. */
export function useRetentionQuery(projectId: string) {
  return useQuery({ queryKey: retentionKeys.settings(projectId), queryFn: () => apiFetch<RetentionResponse>(retentionPath(projectId)) });
}
