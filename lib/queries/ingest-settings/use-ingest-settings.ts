import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { PiiSettings } from "@/lib/pii/settings";
import { apiFetch } from "../query-client";

export type PriceOverrideInput = { id: string; modelPattern: string; provider?: string | null; inputPerMillion: number; outputPerMillion: number; cachedInputPerMillion?: number | null; effectiveFrom: string };
export type IngestSettingsData = { pii: PiiSettings; feedbackOrigins: string[]; priceOverrides: PriceOverrideInput[] };

export const ingestSettingsKeys = { detail: (projectId: string) => ["projects", projectId, "ingest-settings"] as const };

export function useIngestSettingsQuery(projectId: string) {
  return useQuery({ queryKey: ingestSettingsKeys.detail(projectId), queryFn: () => apiFetch<IngestSettingsData>(`/api/projects/${projectId}/settings/ingest`) });
}

export function useUpdateIngestSettings(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (update: Partial<IngestSettingsData>) => apiFetch<IngestSettingsData>(`/api/projects/${projectId}/settings/ingest`, { method: "PUT", json: update }),
    onSuccess: (data) => client.setQueryData(ingestSettingsKeys.detail(projectId), data),
  });
}
