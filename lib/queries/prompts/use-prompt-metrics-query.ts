import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { type PromptMetrics, promptKeys, promptPath } from "./keys";

/** Calls, error rate, p95, cost and thumbs-up rate per version, with explorer links. */
export function usePromptMetricsQuery(projectId: string, promptId: string, range: { from?: string; to?: string } = {}) {
  const qs = new URLSearchParams(Object.entries(range).filter((e): e is [string, string] => Boolean(e[1])));
  return useQuery({ queryKey: promptKeys.metrics(projectId, promptId, range), queryFn: () => apiFetch<PromptMetrics>(`${promptPath(projectId, promptId)}/metrics${qs.size ? `?${qs}` : ""}`) });
}
