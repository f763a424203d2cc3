import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { type OnlineEvalRuleRow, onlineEvalKeys, onlineEvalsPath } from "./keys";

/** The project's rules; refetched every 30 s so counters move while the page is open. */
export function useOnlineEvalsQuery(projectId: string) {
  return useQuery({
    queryKey: onlineEvalKeys.list(projectId),
    queryFn: () => apiFetch<{ rules: OnlineEvalRuleRow[] }>(onlineEvalsPath(projectId)).then((r) => r.rules),
    refetchInterval: 30_000,
  });
}
