import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { type MemberRow, memberKeys } from "./keys";

export function useMembersQuery(projectId: string) {
  return useQuery({
    queryKey: memberKeys.list(projectId),
    queryFn: () => apiFetch<{ members: MemberRow[] }>(`/api/projects/${projectId}/members`).then((r) => r.members),
  });
}
