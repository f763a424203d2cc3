import type { TraceSummary } from "@/lib/traces/list-trace-summaries";

/** A list row as JSON delivers it (dates as strings). */
export type TraceRow = Omit<TraceSummary, "startTime" | "endTime"> & { startTime: string; endTime: string };
export type TracePage = { data: TraceRow[]; nextCursor: string | null };
export type TraceFilterOptions = {
  models: string[]; environments: string[]; promptNames: string[]; promptVersions: { name: string; version: number }[];
  releases: string[]; tags: string[]; names: string[];
};
export type SavedView = { id: string; name: string; query: string; createdAt: string };

export const traceKeys = {
  all: (projectId: string) => ["projects", projectId, "traces"] as const,
  list: (projectId: string, request: Record<string, string>) => [...traceKeys.all(projectId), "list", request] as const,
  any: (projectId: string) => [...traceKeys.all(projectId), "any"] as const,
  options: (projectId: string) => [...traceKeys.all(projectId), "options"] as const,
  detail: (projectId: string, traceId: string) => [...traceKeys.all(projectId), "detail", traceId] as const,
  views: (projectId: string) => ["projects", projectId, "views"] as const,
};
