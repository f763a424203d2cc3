import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import type { LlmConnectionTestResult } from "./keys";

/** Calls the endpoint once; the answer says ok or why not (it changes nothing, so nothing is invalidated). */
export function useTestLlmConnection(projectId: string) {
  return useMutation({
    mutationFn: ({ connectionId, model }: { connectionId: string; model?: string }) =>
      apiFetch<LlmConnectionTestResult>(`/api/projects/${projectId}/llm-connections/${connectionId}/test`, { method: "POST", json: model ? { model } : {} }),
  });
}
