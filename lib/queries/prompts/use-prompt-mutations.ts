import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import {
  auditKeys, type Canary, type CanaryGuard, type ChangeRequest, type LabelMove, type Policy, type PolicyInput, promptKeys, promptPath, promptsPath,
  type PromptTemplate, type Review, type SaveVersionInput, type SaveVersionResult,
} from "./keys";

type CrRef = { promptId: string; changeRequestId: string };
type CrResult = { changeRequest: ChangeRequest; move?: LabelMove | null };

/** Every prompt write; each refreshes the project's prompt and audit queries. */
export function usePromptMutations(projectId: string) {
  const client = useQueryClient();
  const onSuccess = () => Promise.all([client.invalidateQueries({ queryKey: promptKeys.all(projectId) }), client.invalidateQueries({ queryKey: auditKeys.all(projectId) })]);
  const p = (promptId: string) => promptPath(projectId, promptId);
  const cr = ({ promptId, changeRequestId }: CrRef) => `${p(promptId)}/change-requests/${changeRequestId}`;
  return {
    saveVersion: useMutation({ mutationFn: (input: SaveVersionInput) => apiFetch<SaveVersionResult>(promptsPath(projectId), { method: "POST", json: input }), onSuccess }),
    /** "Try it": no state changes, nothing to invalidate. */
    compile: useMutation({
      mutationFn: ({ promptId, ...body }: { promptId: string; version: number; variables: Record<string, unknown> }) =>
        apiFetch<{ version: number; type: string; variables: string[]; compiled: PromptTemplate; config: Record<string, unknown> }>(`${p(promptId)}/compile`, { method: "POST", json: body }),
    }),
    propose: useMutation({
      mutationFn: ({ promptId, ...body }: { promptId: string; label: string; version: number; description?: string }) =>
        apiFetch<{ changeRequest: ChangeRequest; created: boolean; move: LabelMove | null }>(`${p(promptId)}/change-requests`, { method: "POST", json: body }),
      onSuccess,
    }),
    review: useMutation({
      mutationFn: ({ verdict, body, ...ref }: CrRef & { verdict: Review["verdict"]; body?: string }) =>
        apiFetch<CrResult & { review: Review }>(`${cr(ref)}/reviews`, { method: "POST", json: { verdict, body } }),
      onSuccess,
    }),
    merge: useMutation({ mutationFn: (ref: CrRef) => apiFetch<CrResult>(`${cr(ref)}/merge`, { method: "POST" }), onSuccess }),
    /** Owners/admins lift a failing or pending regression gate, with a reason (audited). */
    overrideGate: useMutation({ mutationFn: ({ reason, ...ref }: CrRef & { reason: string }) => apiFetch<CrResult>(`${cr(ref)}/gate-override`, { method: "POST", json: { reason } }), onSuccess }),
    rebase: useMutation({ mutationFn: (ref: CrRef) => apiFetch<CrResult>(`${cr(ref)}/rebase`, { method: "POST" }), onSuccess }),
    close: useMutation({ mutationFn: ({ reason, ...ref }: CrRef & { reason?: string }) => apiFetch<CrResult>(`${cr(ref)}/close`, { method: "POST", json: { reason } }), onSuccess }),
    rollback: useMutation({
      mutationFn: ({ promptId, label, ...body }: { promptId: string; label: string; version: number; reason: string }) =>
        apiFetch<{ move: LabelMove }>(`${p(promptId)}/labels/${encodeURIComponent(label)}/rollback`, { method: "POST", json: body }),
      onSuccess,
    }),
    /** promptId "" sets the project default. */
    setPolicy: useMutation({
      mutationFn: ({ promptId, ...body }: PolicyInput & { promptId: string }) =>
        apiFetch<Policy>(promptId ? `${p(promptId)}/policies` : `/api/projects/${projectId}/prompt-policies`, { method: "PUT", json: body }),
      onSuccess,
    }),
    deletePolicy: useMutation({
      mutationFn: ({ promptId, label }: { promptId: string; label: string }) =>
        apiFetch<Policy>(`${promptId ? `${p(promptId)}/policies` : `/api/projects/${projectId}/prompt-policies`}?${new URLSearchParams({ label })}`, { method: "DELETE" }),
      onSuccess,
    }),
    startCanary: useMutation({
      mutationFn: ({ promptId, ...body }: { promptId: string; label: string; version: number; percent: number; guard?: CanaryGuard }) =>
        apiFetch<Canary>(`${p(promptId)}/canaries`, { method: "POST", json: body }),
      onSuccess,
    }),
    endCanary: useMutation({
      mutationFn: ({ promptId, canaryId, reason }: { promptId: string; canaryId: string; reason?: string }) => apiFetch<Canary>(`${p(promptId)}/canaries/${canaryId}/end`, { method: "POST", json: { reason } }),
      onSuccess,
    }),
    promoteCanary: useMutation({
      mutationFn: ({ promptId, canaryId }: { promptId: string; canaryId: string }) =>
        apiFetch<{ promoted: boolean; changeRequest: ChangeRequest }>(`${p(promptId)}/canaries/${canaryId}/promote`, { method: "POST" }),
      onSuccess,
    }),
    setReleaseWebhook: useMutation({
      mutationFn: (url: string | null) => apiFetch<{ url: string | null }>(`/api/projects/${projectId}/settings/release-webhook`, { method: "PUT", json: { url } }),
      onSuccess,
    }),
  };
}
