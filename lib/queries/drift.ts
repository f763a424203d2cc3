import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { DriftWindow, EmbeddingSettingsView, UpdateEmbeddingSettings } from "../schemas/drift";
import { apiFetch } from "./query-client";

export type DriftSource = { field: string; model: string; dimension: number; source: string; vectors: number; last: string };
export type DriftReportSummary = {
  id: string; field: string; model: string; granularity: string; baseline: string; referenceStart: string | null; referenceEnd: string | null;
  rangeStart: string; rangeEnd: string; filters: Record<string, string | number> | null; alpha: number; status: "queued" | "running" | "done" | "failed";
  progress: number; error: string | null; windows: DriftWindow[]; distance: number | null; pValue: number | null; threshold: number | null; drifted: boolean;
  createdAt: string; completedAt: string | null;
};
export type DriftPoint = { x: number; y: number; set: "reference" | "current"; cluster: number; traceId: string };
export type DriftClusterView = {
  cluster: number; referenceCount: number; currentCount: number; referenceShare: number; currentShare: number; lift: number;
  examples: { traceId: string; text: string }[]; traceIds: string[];
};
export type DriftReportDetail = DriftReportSummary & {
  projection: { window: number; points: DriftPoint[]; clusters: DriftClusterView[] } | null;
  deepCheck: { window: number; mmd: { mmd2: number; pValue: number; bandwidth: number; perSide: [number, number] }; classifier: { auc: number; low: number; high: number } } | null;
};

export const driftKeys = {
  all: (projectId: string) => ["projects", projectId, "drift"] as const,
  sources: (projectId: string) => [...driftKeys.all(projectId), "sources"] as const,
  reports: (projectId: string, field?: string, model?: string) => [...driftKeys.all(projectId), "reports", field ?? "", model ?? ""] as const,
  report: (projectId: string, reportId: string) => [...driftKeys.all(projectId), "report", reportId] as const,
};

const computing = (s?: string) => s === "queued" || s === "running";

export function useDriftSourcesQuery(projectId: string) {
  return useQuery({
    queryKey: driftKeys.sources(projectId),
    queryFn: () => apiFetch<{ sources: DriftSource[]; settings: EmbeddingSettingsView }>(`/api/projects/${projectId}/drift`),
  });
}

export function useDriftReportsQuery(projectId: string, field?: string, model?: string) {
  const qs = new URLSearchParams({ ...(field ? { field } : {}), ...(model ? { model } : {}) }).toString();
  return useQuery({
    queryKey: driftKeys.reports(projectId, field, model),
    queryFn: () => apiFetch<{ reports: DriftReportSummary[] }>(`/api/projects/${projectId}/drift/reports${qs ? `?${qs}` : ""}`).then((r) => r.reports),
    // Poll while a report computes, so its progress moves.
    refetchInterval: (q) => (q.state.data?.some((r) => computing(r.status)) ? 2_000 : 60_000),
  });
}

export function useDriftReportQuery(projectId: string, reportId: string | null) {
  return useQuery({
    queryKey: driftKeys.report(projectId, reportId ?? ""),
    enabled: reportId !== null,
    queryFn: () => apiFetch<{ report: DriftReportDetail }>(`/api/projects/${projectId}/drift/reports/${reportId}`).then((r) => r.report),
    refetchInterval: (q) => (computing(q.state.data?.status) ? 2_000 : false),
  });
}

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

export function useDriftSettingsMutation(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateEmbeddingSettings) => apiFetch<{ settings: EmbeddingSettingsView }>(`/api/projects/${projectId}/drift/settings`, { method: "PUT", json: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: driftKeys.all(projectId) }),
  });
}
