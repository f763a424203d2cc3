import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { type LabelHistory, promptKeys, promptPath } from "./keys";

/** A label's moves and the versions it may be rolled back to. */
export function useLabelHistoryQuery(projectId: string, promptId: string, label: string) {
  return useQuery({
    queryKey: promptKeys.labelHistory(projectId, promptId, label),
    queryFn: () => apiFetch<LabelHistory>(`${promptPath(projectId, promptId)}/labels/${encodeURIComponent(label)}`),
    enabled: Boolean(label) && label !== "latest",
  });
}
