import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { type ChangeRequest, promptKeys, promptPath } from "./keys";

/** A prompt's change requests (open by default) with approval status and staleness. */
export function useChangeRequestsQuery(projectId: string, promptId: string, status: "open" | "merged" | "closed" | "all" = "open") {
  return useQuery({
    queryKey: promptKeys.changeRequests(projectId, promptId, status),
    queryFn: () => apiFetch<{ changeRequests: ChangeRequest[] }>(`${promptPath(projectId, promptId)}/change-requests?status=${status}`).then((r) => r.changeRequests),
  });
}
