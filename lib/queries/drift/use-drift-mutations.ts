import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { type DriftReportSummary, driftKeys } from "./keys";

export function useDriftMutations(projectId: string) {
  const client = useQueryClient();
  const onSuccess = () => client.invalidateQueries({ queryKey: driftKeys.all(projectId) });
  const base = `/api/projects/${projectId}/drift`;
  return {
    computeNow: useMutation({
      mutationFn: (input: { field?: string; model?: string; granularity?: string }) => apiFetch<{ report: DriftReportSummary }>(`${base}/reports`, { method: "POST", json: input }),
      onSuccess,
    }),
    sendCluster: useMutation({
      mutationFn: ({ reportId, cluster }: { reportId: string; cluster: number }) =>
        apiFetch<{ items: number; traces: number }>(`${base}/reports/${reportId}/clusters/${cluster}/inbox`, { method: "POST" }),
    }),
  };
}
