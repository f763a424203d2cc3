import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { guardKeys, guardPoliciesPath } from "./keys";

export function useDeleteGuardPolicy(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch(`${guardPoliciesPath(projectId)}/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: guardKeys.all(projectId) }),
  });
}
