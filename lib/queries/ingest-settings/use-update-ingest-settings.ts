import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { type IngestSettingsData, ingestSettingsKeys } from "./keys";

export function useUpdateIngestSettings(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (update: Partial<IngestSettingsData>) => apiFetch<IngestSettingsData>(`/api/projects/${projectId}/settings/ingest`, { method: "PUT", json: update }),
    onSuccess: (data) => client.setQueryData(ingestSettingsKeys.detail(projectId), data),
  });
}
