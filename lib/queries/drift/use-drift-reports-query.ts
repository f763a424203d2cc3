import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { type DriftReportSummary, driftKeys, isComputing } from "./keys";

export function useDriftReportsQuery(projectId: string, field?: string, model?: string) {
  const qs = new URLSearchParams({ ...(field ? { field } : {}), ...(model ? { model } : {}) }).toString();
  return useQuery({
    queryKey: driftKeys.reports(projectId, field, model),
    queryFn: () => apiFetch<{ reports: DriftReportSummary[] }>(`/api/projects/${projectId}/drift/reports${qs ? `?${qs}` : ""}`).then((r) => r.reports),
    // Poll while a report computes, so its progress moves.
    refetchInterval: (q) => (q.state.data?.some((r) => isComputing(r.status)) ? 2_000 : 60_000),
  });
}
