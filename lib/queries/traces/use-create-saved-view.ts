import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { type SavedView, traceKeys } from "./keys";

export function useCreateSavedView(projectId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; query: string }) => apiFetch<SavedView>(`/api/projects/${projectId}/views`, { method: "POST", json: body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: traceKeys.views(projectId) }),
  });
}
