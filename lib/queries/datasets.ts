import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, apiFetch } from "./query-client";

export type DatasetRow = { id: string; name: string; description: string | null; createdById: string | null; createdAt: string; updatedAt: string; itemCount: number };
export type DatasetItemRow = {
  id: string; itemId: string; version: number; input: unknown; expectedOutput: unknown; metadata: Record<string, unknown> | null;
  source: string; sourceTraceId: string | null; sourceSpanId: string | null; createdById: string | null;
  validFrom: string; validTo: string | null; createdAt: string; promotedById: string | null;
};
export type ItemVersion = Omit<DatasetItemRow, "createdAt" | "promotedById">;
export type UserNames = Record<string, { name: string | null; email: string }>;
export type LineError = { line: number; message: string };
export type ImportResult = { imported: number; skipped: LineError[]; skippedCount: number };
export type PromoteInput = { datasetId?: string; newDatasetName?: string; traceId: string; spanId?: string; triageItemId?: string; input?: unknown; expectedOutput: unknown; metadata?: Record<string, unknown> };
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

const base = (projectId: string) => `/api/projects/${projectId}/datasets`;

export function useDatasetsQuery(projectId: string) {
  return useQuery({ queryKey: datasetKeys.list(projectId), queryFn: () => apiFetch<{ datasets: DatasetRow[] }>(base(projectId)).then((r) => r.datasets) });
}

export function useDatasetQuery(projectId: string, datasetId: string) {
  return useQuery({ queryKey: datasetKeys.detail(projectId, datasetId), queryFn: () => apiFetch<DatasetRow>(`${base(projectId)}/${datasetId}`) });
}

export type DatasetItemsPage = { items: DatasetItemRow[]; nextCursor: string | null; total: number; users: UserNames };

/** Current items, or the snapshot as of `at` (ISO), a page of 200 at a time ("Load more"). */
export function useDatasetItemsQuery(projectId: string, datasetId: string, at: string | null) {
  return useInfiniteQuery({
    queryKey: datasetKeys.items(projectId, datasetId, at),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: "200" });
      if (at) params.set("at", at);
      if (pageParam) params.set("cursor", pageParam);
      return apiFetch<DatasetItemsPage>(`${base(projectId)}/${datasetId}/items?${params}`, { signal });
    },
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useItemHistoryQuery(projectId: string, datasetId: string, itemId: string | null) {
  return useQuery({
    queryKey: datasetKeys.history(projectId, datasetId, itemId ?? ""),
    queryFn: () => apiFetch<{ itemId: string; versions: ItemVersion[]; users: UserNames }>(`${base(projectId)}/${datasetId}/items/${itemId}/history`),
    enabled: !!itemId,
  });
}

export function usePromoteTraceQuery(projectId: string, traceId: string | null) {
  return useQuery({
    queryKey: datasetKeys.promoteTrace(projectId, traceId ?? ""),
    queryFn: () => apiFetch<PromoteTrace>(`/api/projects/${projectId}/traces/${encodeURIComponent(traceId!)}`),
    enabled: !!traceId,
  });
}

/** An import refused for bad lines: the per-line errors travel with the error. */
export class ImportError extends ApiError {
  constructor(status: number, code: string, message: string, readonly lines: LineError[]) {
    super(status, code, message);
  }
}

async function importFile(projectId: string, datasetId: string, file: { text: string; format: "jsonl" | "csv"; skipInvalid: boolean }): Promise<ImportResult> {
  const res = await fetch(`${base(projectId)}/${datasetId}/import?format=${file.format}&skipInvalid=${file.skipInvalid}`, {
    method: "POST",
    headers: { "content-type": file.format === "csv" ? "text/csv" : "application/x-ndjson" },
    body: file.text,
  });
  const data = res.headers.get("content-type")?.includes("application/json") ? await res.json() : null;
  if (!res.ok) throw new ImportError(res.status, data?.error?.code ?? "HTTP_ERROR", data?.error?.message ?? `Import failed (${res.status})`, Array.isArray(data?.error?.details) ? data.error.details : []);
  return data as ImportResult;
}

/** Every dataset write; each refreshes the project's dataset queries. */
export function useDatasetMutations(projectId: string) {
  const client = useQueryClient();
  const onSuccess = () => client.invalidateQueries({ queryKey: datasetKeys.all(projectId) });
  const b = base(projectId);
  return {
    create: useMutation({ mutationFn: (input: { name: string; description?: string }) => apiFetch<DatasetRow>(b, { method: "POST", json: input }), onSuccess }),
    update: useMutation({ mutationFn: ({ id, ...patch }: { id: string; name?: string; description?: string | null }) => apiFetch<DatasetRow>(`${b}/${id}`, { method: "PATCH", json: patch }), onSuccess }),
    remove: useMutation({ mutationFn: (id: string) => apiFetch(`${b}/${id}`, { method: "DELETE" }), onSuccess }),
    addItem: useMutation({ mutationFn: ({ datasetId, ...item }: { datasetId: string; input: unknown; expectedOutput?: unknown }) => apiFetch<ItemVersion>(`${b}/${datasetId}/items`, { method: "POST", json: item }), onSuccess }),
    editItem: useMutation({
      mutationFn: ({ datasetId, itemId, ...patch }: { datasetId: string; itemId: string; baseVersion: number; input?: unknown; expectedOutput?: unknown; metadata?: Record<string, unknown> | null }) =>
        apiFetch<ItemVersion>(`${b}/${datasetId}/items/${itemId}`, { method: "PATCH", json: patch }),
      onSuccess,
    }),
    deleteItem: useMutation({ mutationFn: ({ datasetId, itemId }: { datasetId: string; itemId: string }) => apiFetch(`${b}/${datasetId}/items/${itemId}`, { method: "DELETE" }), onSuccess }),
    importFile: useMutation({ mutationFn: ({ datasetId, ...file }: { datasetId: string; text: string; format: "jsonl" | "csv"; skipInvalid: boolean }) => importFile(projectId, datasetId, file), onSuccess }),
    promote: useMutation({ mutationFn: (input: PromoteInput) => apiFetch<PromoteResult>(`${b}/promote`, { method: "POST", json: input }), onSuccess }),
  };
}
