import { useMutation } from "@tanstack/react-query";
import type { GuardDirection, GuardPolicyConfig } from "@/lib/schemas/guard";
import { apiFetch } from "../query-client";
import type { GuardCheckResult } from "./keys";

/** Runs a text through a policy as edited (not saved); nothing is recorded. */
export function useCheckGuardDraft(projectId: string) {
  return useMutation({
    mutationFn: (body: { text: string; direction: GuardDirection; config: GuardPolicyConfig }) =>
      apiFetch<GuardCheckResult>(`/api/projects/${projectId}/guard-check`, { method: "POST", json: body }),
  });
}
