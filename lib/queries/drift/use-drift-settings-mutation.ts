import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { EmbeddingSettingsView, UpdateEmbeddingSettings } from "@/lib/schemas/drift";
import { apiFetch } from "../query-client";
import { driftKeys } from "./keys";

export function useDriftSettingsMutation(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateEmbeddingSettings) => apiFetch<{ settings: EmbeddingSettingsView }>(`/api/projects/${projectId}/drift/settings`, { method: "PUT", json: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: driftKeys.all(projectId) }),
  });
}
