import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { runKeys, runsPath, type StartRunInput } from "./keys";

/** Start and cancel; each refreshes the project's run queries. */
export function useRunMutations(projectId: string) {
  const client = useQueryClient();
  const onSuccess = () => client.invalidateQueries({ queryKey: runKeys.all(projectId) });
  return {
    start: useMutation({ mutationFn: (input: StartRunInput) => apiFetch<{ id: string; snapshotAt: string; total: number }>(runsPath(projectId), { method: "POST", json: input }), onSuccess }),
    cancel: useMutation({ mutationFn: (runId: string) => apiFetch<{ id: string; status: string }>(`${runsPath(projectId)}/${runId}/cancel`, { method: "POST" }), onSuccess }),
  };
}
