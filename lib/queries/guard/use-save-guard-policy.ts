import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { SaveGuardPolicy } from "@/lib/schemas/guard";
import { apiFetch } from "../query-client";
import { type GuardPolicyRow, guardKeys, guardPoliciesPath } from "./keys";

/** Creates a policy (no id: a new one, or the first save of the built-in "default") or replaces the saved one with this id. */
export function useSaveGuardPolicy(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, policy }: { id: string | null; policy: SaveGuardPolicy }) =>
      id
        ? apiFetch<GuardPolicyRow>(`${guardPoliciesPath(projectId)}/${encodeURIComponent(id)}`, { method: "PUT", json: policy })
        : apiFetch<GuardPolicyRow>(guardPoliciesPath(projectId), { method: "POST", json: policy }),
    onSuccess: () => client.invalidateQueries({ queryKey: guardKeys.all(projectId) }),
  });
}
