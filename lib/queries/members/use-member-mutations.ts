import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Role } from "@/lib/auth/permissions";
import { apiFetch } from "../query-client";
import { memberKeys } from "./keys";

/** Member and invite changes; each invalidates the project's member queries. */
export function useMemberMutations(projectId: string) {
  const client = useQueryClient();
  const onSuccess = () => client.invalidateQueries({ queryKey: memberKeys.all(projectId) });
  const base = `/api/projects/${projectId}`;
  return {
    update: useMutation({
      mutationFn: (v: { userId: string; role?: Role; projectRole?: Role | null }) =>
        apiFetch(`${base}/members/${v.userId}`, { method: "PATCH", json: { role: v.role, projectRole: v.projectRole } }),
      onSuccess,
    }),
    remove: useMutation({ mutationFn: (userId: string) => apiFetch(`${base}/members/${userId}`, { method: "DELETE" }), onSuccess }),
    invite: useMutation({
      mutationFn: (v: { role: Role; email?: string }) => apiFetch<{ path: string; expiresAt: string }>(`${base}/invites`, { method: "POST", json: v }),
      onSuccess,
    }),
    revokeInvite: useMutation({ mutationFn: (inviteId: string) => apiFetch(`${base}/invites/${inviteId}`, { method: "DELETE" }), onSuccess }),
  };
}
