import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { type TriageComment, type TriageItemDetail, triageKeys } from "./keys";

export function useAddTriageComment(projectId: string, itemId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => apiFetch<TriageComment>(`/api/projects/${projectId}/triage/${itemId}/comments`, { method: "POST", json: { body } }),
    onSuccess: (comment) => {
      client.setQueryData<TriageItemDetail>(triageKeys.item(projectId, itemId), (d) => (d ? { ...d, comments: [...d.comments, comment] } : d));
    },
  });
}
