import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { CreateOnlineEval, UpdateOnlineEval } from "@/lib/schemas/online-evals";
import { apiFetch } from "../query-client";
import { type OnlineEvalRuleRow, onlineEvalKeys, onlineEvalsPath } from "./keys";

/** Create, change (incl. pause) and remove; each refreshes the project's rules. */
export function useOnlineEvalMutations(projectId: string) {
  const client = useQueryClient();
  const onSuccess = () => client.invalidateQueries({ queryKey: onlineEvalKeys.all(projectId) });
  return {
    create: useMutation({ mutationFn: (input: CreateOnlineEval) => apiFetch<OnlineEvalRuleRow>(onlineEvalsPath(projectId), { method: "POST", json: input }), onSuccess }),
    update: useMutation({
      mutationFn: ({ ruleId, changes }: { ruleId: string; changes: UpdateOnlineEval }) => apiFetch<OnlineEvalRuleRow>(`${onlineEvalsPath(projectId)}/${ruleId}`, { method: "PATCH", json: changes }),
      onSuccess,
    }),
    remove: useMutation({ mutationFn: (ruleId: string) => apiFetch(`${onlineEvalsPath(projectId)}/${ruleId}`, { method: "DELETE" }), onSuccess }),
  };
}
