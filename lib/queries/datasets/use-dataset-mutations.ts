import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { importDatasetFile } from "./import-dataset-file";
import { type DatasetRow, datasetKeys, datasetsPath, type ItemVersion, type PromoteInput, type PromoteResult, type RedTeamImport } from "./keys";

/** Every dataset write; each refreshes the project's dataset queries. */
export function useDatasetMutations(projectId: string) {
  const client = useQueryClient();
  const onSuccess = () => client.invalidateQueries({ queryKey: datasetKeys.all(projectId) });
  const b = datasetsPath(projectId);
  return {
    create: useMutation({ mutationFn: (input: { name: string; description?: string }) => apiFetch<DatasetRow>(b, { method: "POST", json: input }), onSuccess }),
    update: useMutation({ mutationFn: ({ id, ...patch }: { id: string; name?: string; description?: string | null }) => apiFetch<DatasetRow>(`${b}/${id}`, { method: "PATCH", json: patch }), onSuccess }),
    remove: useMutation({ mutationFn: (id: string) => apiFetch(`${b}/${id}`, { method: "DELETE" }), onSuccess }),
    addItem: useMutation({ mutationFn: ({ datasetId, ...item }: { datasetId: string; input: unknown; expectedOutput?: unknown; contexts?: unknown }) => apiFetch<ItemVersion>(`${b}/${datasetId}/items`, { method: "POST", json: item }), onSuccess }),
    editItem: useMutation({
      mutationFn: ({ datasetId, itemId, ...patch }: { datasetId: string; itemId: string; baseVersion: number; input?: unknown; expectedOutput?: unknown; metadata?: Record<string, unknown> | null; contexts?: unknown }) =>
        apiFetch<ItemVersion>(`${b}/${datasetId}/items/${itemId}`, { method: "PATCH", json: patch }),
      onSuccess,
    }),
    deleteItem: useMutation({ mutationFn: ({ datasetId, itemId }: { datasetId: string; itemId: string }) => apiFetch(`${b}/${datasetId}/items/${itemId}`, { method: "DELETE" }), onSuccess }),
    importFile: useMutation({ mutationFn: ({ datasetId, ...file }: { datasetId: string; text: string; format: "jsonl" | "csv"; skipInvalid: boolean }) => importDatasetFile(projectId, datasetId, file), onSuccess }),
    /** Imports the shipped red-team set into the golden set "red-team" (idempotent: a second import adds nothing). */
    importRedTeam: useMutation({ mutationFn: () => apiFetch<RedTeamImport>(b, { method: "POST", json: { name: "red-team", template: "red-team" } }), onSuccess }),
    promote: useMutation({ mutationFn: (input: PromoteInput) => apiFetch<PromoteResult>(`${b}/promote`, { method: "POST", json: input }), onSuccess }),
  };
}
