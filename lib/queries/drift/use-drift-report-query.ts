import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { type DriftReportDetail, driftKeys, isComputing } from "./keys";

export function useDriftReportQuery(projectId: string, reportId: string | null) {
  return useQuery({
    queryKey: driftKeys.report(projectId, reportId ?? ""),
    enabled: reportId !== null,
    queryFn: () => apiFetch<{ report: DriftReportDetail }>(`/api/projects/${projectId}/drift/reports/${reportId}`).then((r) => r.report),
    refetchInterval: (q) => (isComputing(q.state.data?.status) ? 2_000 : false),
  });
}
