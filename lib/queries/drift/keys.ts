import type { DriftWindow } from "@/lib/schemas/drift";

export type DriftSource = { field: string; model: string; dimension: number; source: string; vectors: number; last: string };
export type DriftReportSummary = {
  id: string; field: string; model: string; granularity: string; baseline: string; unit: string; referenceStart: string | null; referenceEnd: string | null;
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

/** A report the worker has yet to finish: the queries poll while one exists. */
export const isComputing = (status?: string) => status === "queued" || status === "running";
