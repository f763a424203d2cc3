import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { type InviteRow, memberKeys } from "./keys";

export function useInvitesQuery(projectId: string, enabled: boolean) {
  return useQuery({
    queryKey: memberKeys.invites(projectId),
    enabled,
    queryFn: () => apiFetch<{ invites: InviteRow[] }>(`/api/projects/${projectId}/invites`).then((r) => r.invites),
  });
}
