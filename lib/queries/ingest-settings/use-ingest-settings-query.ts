import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { type IngestSettingsData, ingestSettingsKeys } from "./keys";

export function useIngestSettingsQuery(projectId: string) {
  return useQuery({ queryKey: ingestSettingsKeys.detail(projectId), queryFn: () => apiFetch<IngestSettingsData>(`/api/projects/${projectId}/settings/ingest`) });
}
