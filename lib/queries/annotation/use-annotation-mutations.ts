import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { importPairsFile } from "./import-pairs-file";
import { annotationKeys, type Choice, type Criterion, queuesPath, type QueueRow, type ScoreDefinition } from "./keys";

export type QueueInput = { name: string; kind?: "pairs" | "items"; scoreDefinitions?: ScoreDefinition[]; instructions?: string; judgmentsPerPair?: number; criteria?: Criterion[]; rationale?: "optional" | "required"; annotators?: string[] };

/** Leads' writes; each refreshes the project's annotation queries. */
export function useAnnotationMutations(projectId: string) {
  const client = useQueryClient();
  const onSuccess = () => client.invalidateQueries({ queryKey: annotationKeys.all(projectId) });
  const b = queuesPath(projectId);
  return {
    create: useMutation({ mutationFn: (input: QueueInput) => apiFetch<QueueRow>(b, { method: "POST", json: input }), onSuccess }),
    update: useMutation({ mutationFn: ({ queueId, ...patch }: Partial<QueueInput> & { queueId: string }) => apiFetch<QueueRow>(`${b}/${queueId}`, { method: "PATCH", json: patch }), onSuccess }),
    adjudicate: useMutation({
      mutationFn: ({ queueId, pairId, ...body }: { queueId: string; pairId: string; choice: Choice | null; note?: string }) => apiFetch(`${b}/${queueId}/pairs/${pairId}/adjudication`, { method: "PUT", json: body }),
      onSuccess,
    }),
    gold: useMutation({
      mutationFn: ({ queueId, pairId, choice }: { queueId: string; pairId: string; choice: Choice | null }) => apiFetch(`${b}/${queueId}/pairs/${pairId}/gold`, { method: "PUT", json: { choice } }),
      onSuccess,
    }),
    importFile: useMutation({ mutationFn: ({ queueId, text }: { queueId: string; text: string }) => importPairsFile(projectId, queueId, text), onSuccess }),
    fromRuns: useMutation({
      mutationFn: ({ queueId, runIds }: { queueId: string; runIds: string[] }) => apiFetch<{ pairIds: string[] }>(`${b}/${queueId}/pairs/from-runs`, { method: "POST", json: { runIds } }),
      onSuccess,
    }),
    addItems: useMutation({
      mutationFn: ({ queueId, traceIds }: { queueId: string; traceIds: string[] }) => apiFetch<{ pairIds: string[] }>(`${b}/${queueId}/items`, { method: "POST", json: { traceIds } }),
      onSuccess,
    }),
    fromTraces: useMutation({
      mutationFn: ({ queueId, traceIds }: { queueId: string; traceIds: [string, string] }) => apiFetch<{ pairIds: string[] }>(`${b}/${queueId}/pairs/from-traces`, { method: "POST", json: { traceIds } }),
      onSuccess,
    }),
  };
}
