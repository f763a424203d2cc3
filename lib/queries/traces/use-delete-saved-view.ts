import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { traceKeys } from "./keys";

export function useDeleteSavedView(projectId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (viewId: string) => apiFetch<{ ok: true }>(`/api/projects/${projectId}/views/${viewId}`, { method: "DELETE" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: traceKeys.views(projectId) }),
  });
}
