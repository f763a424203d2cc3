import { useQuery } from "@tanstack/react-query";
import type { EmbeddingSettingsView } from "@/lib/schemas/drift";
import { apiFetch } from "../query-client";
import { type DriftSource, driftKeys } from "./keys";

export function useDriftSourcesQuery(projectId: string) {
  return useQuery({
    queryKey: driftKeys.sources(projectId),
    queryFn: () => apiFetch<{ sources: DriftSource[]; settings: EmbeddingSettingsView }>(`/api/projects/${projectId}/drift`),
  });
}
