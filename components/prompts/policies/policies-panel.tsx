"use client";
import { Plus } from "lucide-react";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Badge, Card, Skeleton } from "@/components/ui/card";
import { FieldError, Input } from "@/components/ui/input";
import { Table, Td } from "@/components/ui/table";
import { useDatasetsQuery } from "@/lib/queries/datasets/use-datasets-query";
import { useMembersQuery } from "@/lib/queries/members/use-members-query";
import type { Policy } from "@/lib/queries/prompts/keys";
import { usePromptMutations } from "@/lib/queries/prompts/use-prompt-mutations";
import { usePromptPoliciesQuery } from "@/lib/queries/prompts/use-prompt-policies-query";
import { useSearchParamsPatch } from "../use-search-params-patch";
import { PolicyEditorDialog } from "./policy-editor-dialog";
import { describePolicy, policySourceLabel } from "./prepare-policy-form";
import { gateDatasetName } from "./prepare-run-gate";

type PanelProps = { projectId: string; canEdit: boolean };

/** A prompt's policy per label (its own, else the project default, else built-in). For the prompt page's policies tab. */
export function PromptPoliciesPanel({ projectId, promptId, canEdit }: PanelProps & { promptId: string }) {
  return <PoliciesPanel projectId={projectId} promptId={promptId} canEdit={canEdit} title="Label policies" description="Who must approve before a label of this prompt moves. A policy set here overrides the project default for this prompt." />;
}

/** The project's default policy per label (settings page). */
export function ProjectPolicyDefaults({ projectId, canEdit }: PanelProps) {
  return <PoliciesPanel projectId={projectId} promptId="" canEdit={canEdit} title="Default label policies" description="Apply to every prompt that has no policy of its own for the label. Built-in: production needs 1 approval by an owner or admin; other labels need none." />;
}

const LABEL_PATTERN = /^[a-z0-9._-]{1,64}$/;
const isLabel = (label: string | null): label is string => label !== null && LABEL_PATTERN.test(label) && label !== "latest";
/** A label with no policy row yet starts from the built-in shape of a non-production label. */
const newPolicy = (label: string): Policy => ({ label, source: "default", requiredApprovals: 0, approverRoles: ["owner", "admin"], approverUserIds: [], allowSelfApproval: false, autoMerge: false, requirePassingRun: false, runGate: null });

function PoliciesPanel({ projectId, promptId, canEdit, title, description }: PanelProps & { promptId: string; title: string; description: string }) {
  const policies = usePromptPoliciesQuery(projectId, promptId);
  const members = useMembersQuery(projectId);
  const datasets = useDatasetsQuery(projectId);
  const m = usePromptMutations(projectId);
  // The open editor is in the URL (`?policy=production`): a reload, a shared link or a trip to create a golden set comes back to it.
  const search = useSearchParams();
  const patch = useSearchParamsPatch();
  const editingLabel = search.get("policy");
  const editing = canEdit && isLabel(editingLabel) && policies.data ? (policies.data.find((p) => p.label === editingLabel) ?? newPolicy(editingLabel)) : null;
  const setEditing = (label: string | null) => patch({ policy: label }, { push: label !== null });
  const [newLabel, setNewLabel] = useState("");
  const names = Object.fromEntries((members.data ?? []).map((u) => [u.userId, u.name ?? u.email]));
  // A row of this scope can be deleted (back to the next level); inherited rows have nothing to delete.
  const own = promptId ? "prompt" : "project";

  function addLabel() {
    const label = newLabel.trim();
    if (!isLabel(label)) return toast.error("A label is a-z, 0-9, '.', '_' or '-', and not latest");
    setEditing(label);
    setNewLabel("");
  }
  function remove(p: Policy) {
    if (!window.confirm(`Delete the policy for ${p.label}? ${promptId ? "The project default" : "The built-in default"} applies again.`)) return;
    m.deletePolicy.mutate({ promptId, label: p.label }, { onSuccess: () => toast.success(`Policy for ${p.label} deleted`), onError: (e) => toast.error(e.message) });
  }

  return (
    <Card title={title} description={description}>
      {policies.isPending ? <Skeleton className="h-20 w-full" /> : policies.isError ? <FieldError>{policies.error.message}</FieldError> : (
        <Table head={["Label", "Policy", "From", ""]}>
          {policies.data.map((p) => (
            <tr key={p.label} data-testid={`policy-row-${p.label}`}>
              <Td><Badge tone={p.label === "production" ? "indigo" : "zinc"}>{p.label}</Badge></Td>
              <Td className="text-sm">{describePolicy(p, names, (gate) => gateDatasetName(gate, datasets.data))}</Td>
              <Td className="whitespace-nowrap text-xs text-zinc-500">{policySourceLabel(p.source)}</Td>
              <Td className="whitespace-nowrap text-right">
                {canEdit && (
                  <>
                    <Button size="sm" variant="ghost" onClick={() => setEditing(p.label)} aria-label={`Edit policy for ${p.label}`}>Edit</Button>
                    {p.source === own && <Button size="sm" variant="danger" onClick={() => remove(p)} aria-label={`Delete policy for ${p.label}`}>Delete</Button>}
                  </>
                )}
              </Td>
            </tr>
          ))}
        </Table>
      )}
      {canEdit && (
        <form className="mt-3 flex items-center gap-2" onSubmit={(e) => (e.preventDefault(), addLabel())}>
          <Input aria-label="Another label" className="h-8 w-56" placeholder="label, e.g. eu-production" value={newLabel} onChange={(e) => setNewLabel(e.target.value)} />
          <Button size="sm" variant="secondary" type="submit" disabled={!newLabel.trim()}><Plus className="h-3.5 w-3.5" aria-hidden /> Add policy</Button>
        </form>
      )}
      {!canEdit && <p className="mt-3 text-xs text-zinc-500">Owners and admins change policies.</p>}
      {editing && (
        <PolicyEditorDialog key={editing.label} projectId={projectId} promptId={promptId} policy={editing} members={members.data ?? []} open onOpenChange={(open) => !open && setEditing(null)} />
      )}
    </Card>
  );
}
