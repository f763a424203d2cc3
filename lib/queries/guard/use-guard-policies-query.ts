import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { type GuardPolicyRow, guardKeys, guardPoliciesPath } from "./keys";

/** The project's guard policies, default first (the built-in "default" until one of that name is saved). */
export function useGuardPoliciesQuery(projectId: string) {
  return useQuery({
    queryKey: guardKeys.all(projectId),
    queryFn: () => apiFetch<{ policies: GuardPolicyRow[] }>(guardPoliciesPath(projectId)).then((r) => r.policies),
  });
}
