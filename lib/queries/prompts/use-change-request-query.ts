import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { type ChangeRequestDetail, promptKeys, promptPath } from "./keys";

/** One change request: both versions for the diff, reviews, approval status. */
export function useChangeRequestQuery(projectId: string, promptId: string, changeRequestId: string) {
  return useQuery({
    queryKey: promptKeys.changeRequest(projectId, promptId, changeRequestId),
    queryFn: () => apiFetch<ChangeRequestDetail>(`${promptPath(projectId, promptId)}/change-requests/${changeRequestId}`),
  });
}
