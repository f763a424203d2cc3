export type DatasetRow = { id: string; name: string; description: string | null; createdById: string | null; createdAt: string; updatedAt: string; itemCount: number };
export type DatasetItemRow = {
  id: string; itemId: string; version: number; input: unknown; expectedOutput: unknown; metadata: Record<string, unknown> | null;
  /** Retrieved passages for the RAG evaluators (strings or { content, id?, score? }). */
  contexts: unknown;
  source: string; sourceTraceId: string | null; sourceSpanId: string | null; createdById: string | null;
  validFrom: string; validTo: string | null; createdAt: string; promotedById: string | null;
};
export type ItemVersion = Omit<DatasetItemRow, "createdAt" | "promotedById">;
export type UserNames = Record<string, { name: string | null; email: string }>;
export type LineError = { line: number; message: string };
export type ImportResult = { imported: number; skipped: LineError[]; skippedCount: number };
export type PromoteInput = { datasetId?: string; newDatasetName?: string; traceId: string; spanId?: string; triageItemId?: string; input?: unknown; expectedOutput: unknown; metadata?: Record<string, unknown> };
export type RedTeamImport = { id: string; name: string; template: { name: string; version: number; added: number; alreadyPresent: number } };
export type PromoteResult = { dataset: { id: string; name: string; created: boolean }; item: ItemVersion };

/** Trace as GET /api/projects/[projectId]/traces/[traceId] answers (the fields the promote dialog reads). */
export type PromoteTrace = { id: string; name: string | null; input: unknown; output: unknown; models: string[]; spans: Array<{ id: string; name: string; kind: string; input: unknown; output: unknown; model: string | null }> };

export const datasetKeys = {
  all: (projectId: string) => ["projects", projectId, "datasets"] as const,
  list: (projectId: string) => [...datasetKeys.all(projectId), "list"] as const,
  detail: (projectId: string, datasetId: string) => [...datasetKeys.all(projectId), "detail", datasetId] as const,
  items: (projectId: string, datasetId: string, at: string | null) => [...datasetKeys.all(projectId), "items", datasetId, at ?? "current"] as const,
  history: (projectId: string, datasetId: string, itemId: string) => [...datasetKeys.all(projectId), "history", datasetId, itemId] as const,
  promoteTrace: (projectId: string, traceId: string) => [...datasetKeys.all(projectId), "promote-trace", traceId] as const,
};

/** Every golden-set endpoint hangs off this path. */
export const datasetsPath = (projectId: string) => `/api/projects/${projectId}/datasets`;
