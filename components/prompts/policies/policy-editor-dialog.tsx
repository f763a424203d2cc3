"use client";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { WideDialog } from "@/components/ui/dialog";
import { FieldError, Input, Label } from "@/components/ui/input";
import { useDatasetsQuery } from "@/lib/queries/datasets/use-datasets-query";
import { useLlmConnectionsQuery } from "@/lib/queries/llm-connections/use-llm-connections-query";
import type { MemberRow } from "@/lib/queries/members/keys";
import type { Policy } from "@/lib/queries/prompts/keys";
import { usePromptMutations } from "@/lib/queries/prompts/use-prompt-mutations";
import { APPROVER_ROLES, formToPolicyInput, type PolicyForm, policyToForm, toggle } from "./prepare-policy-form";
import { apiErrorFields, type FieldMessage, type GateForm, resolveChoice } from "./prepare-run-gate";
import { RunGateFields } from "./run-gate-fields";

type Props = { projectId: string; promptId: string; policy: Policy; members: MemberRow[]; open: boolean; onOpenChange: (open: boolean) => void };

const POLICY_FIELD: Record<string, string> = { approverRoles: "approvers", approverUserIds: "approvers" };
const GATE_FIELD: Record<string, string> = { datasetId: "gate.dataset", datasetName: "gate.dataset", connectionId: "gate.connection", connectionName: "gate.connection" };

/** Edit one label's policy, for a prompt (promptId) or as the project default (promptId ""): approvals, and the regression run gate. */
export function PolicyEditorDialog({ projectId, promptId, policy, members, open, onOpenChange }: Props) {
  const [form, setForm] = useState<PolicyForm>(() => policyToForm(policy));
  const [errors, setErrors] = useState<FieldMessage[]>([]);
  const m = usePromptMutations(projectId);
  const datasets = useDatasetsQuery(projectId);
  const connections = useLlmConnectionsQuery(projectId);
  // Editing a field clears what was said about it (and the form-wide message), so a fixed field stops showing its old error.
  const clear = (fields: string[]) => setErrors((list) => list.filter((e) => !fields.includes(e.field) && e.field !== "form" && e.field !== "gate"));
  const set = (patch: Partial<PolicyForm>) => (setForm((f) => ({ ...f, ...patch })), clear(Object.keys(patch).map((k) => POLICY_FIELD[k] ?? k)));
  const setGate = (patch: Partial<GateForm>) => (setForm((f) => ({ ...f, gate: { ...f.gate, ...patch } })), clear(Object.keys(patch).map((k) => GATE_FIELD[k] ?? `gate.${k}`)));
  const errorOf = (field: string) => errors.filter((e) => e.field === field).map((e) => e.message).join("; ") || undefined;
  const scope = promptId ? "this prompt" : "every prompt without its own policy";

  function save() {
    // A stored gate may name its set or connection; send the id the lists know it by.
    const dataset = resolveChoice(form.gate.datasetId, form.gate.datasetName, datasets.data);
    // "The only one" is saved by id, so adding a second connection later does not leave the gate unable to choose.
    const only = connections.data?.length === 1 ? connections.data[0]! : null;
    const picked = resolveChoice(form.gate.connectionId, form.gate.connectionName, connections.data);
    const connection = !picked.id && !picked.name && only ? { id: only.id, name: "" } : picked;
    const gate = { ...form.gate, datasetId: dataset.id, datasetName: dataset.name, connectionId: connection.id, connectionName: connection.name };
    if (form.requirePassingRun && !connection.id && !connection.name && connections.data) {
      return setErrors([{ field: "gate.connection", message: connections.data.length ? "choose the connection the gate run calls" : "add an LLM connection first: the gate run calls the model" }]);
    }
    const built = formToPolicyInput(policy.label, { ...form, gate });
    if ("error" in built) return setErrors([built.error]);
    setErrors([]);
    m.setPolicy.mutate({ promptId, ...built.input }, {
      onSuccess: () => (toast.success(`Policy for ${policy.label} saved`), onOpenChange(false)),
      onError: (e) => setErrors(apiErrorFields(e.message)),
    });
  }

  return (
    <WideDialog open={open} onOpenChange={onOpenChange} title={`Policy for ${policy.label}`} description={`Who must approve a change, and which run must pass, before ${policy.label} moves, for ${scope}.`}>
      <form onSubmit={(e) => (e.preventDefault(), save())} className="space-y-4">
        <div className="w-48">
          <Label htmlFor="policy-approvals">Required approvals</Label>
          <Input id="policy-approvals" type="number" min={0} max={10} value={form.requiredApprovals} onChange={(e) => set({ requiredApprovals: e.target.value })} />
          {errorOf("requiredApprovals") && <p role="alert" className="mt-1 text-xs text-red-600">{errorOf("requiredApprovals")}</p>}
        </div>
        <fieldset>
          <legend className="mb-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">Who may approve: roles</legend>
          <div className="flex flex-wrap gap-4">
            {APPROVER_ROLES.map((r) => (
              <Check key={r} label={r} checked={form.approverRoles.includes(r)} onChange={(on) => set({ approverRoles: toggle(form.approverRoles, r, on) })} />
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend className="mb-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">…and these members, whatever their role</legend>
          {members.length === 0 ? <p className="text-xs text-zinc-500">No members loaded.</p> : (
            <div className="grid max-h-40 grid-cols-2 gap-x-4 gap-y-1 overflow-y-auto rounded-md border border-zinc-200 p-2 dark:border-zinc-800">
              {members.map((mem) => (
                <Check key={mem.userId} label={`${mem.name ?? mem.email} (${mem.role})`} checked={form.approverUserIds.includes(mem.userId)} onChange={(on) => set({ approverUserIds: toggle(form.approverUserIds, mem.userId, on) })} />
              ))}
            </div>
          )}
          {errorOf("approvers") && <p role="alert" className="mt-1 text-xs text-red-600">{errorOf("approvers")}</p>}
        </fieldset>
        <div className="space-y-2">
          <Check label="Allow authors to approve their own change" checked={form.allowSelfApproval} onChange={(on) => set({ allowSelfApproval: on })} />
          <Check label="Merge automatically as soon as the policy holds" checked={form.autoMerge} onChange={(on) => set({ autoMerge: on })} />
          <Check label="Require a passing regression run" checked={form.requirePassingRun} onChange={(on) => set({ requirePassingRun: on })} />
        </div>
        {form.requirePassingRun && <RunGateFields projectId={projectId} value={form.gate} onChange={setGate} datasets={datasets} connections={connections} errorOf={errorOf} />}
        <FieldError>{errorOf("form")}</FieldError>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => onOpenChange(false)}>Cancel</Button>
          <Button type="submit" disabled={m.setPolicy.isPending}>Save policy</Button>
        </div>
      </form>
    </WideDialog>
  );
}

function Check({ label, checked, onChange, disabled, hint }: { label: string; checked: boolean; onChange: (on: boolean) => void; disabled?: boolean; hint?: string }) {
  return (
    <label className={`flex items-center gap-2 text-sm ${disabled ? "text-zinc-400" : ""}`}>
      <input type="checkbox" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} />
      <span>{label}{hint && <span className="ml-1.5 text-xs text-zinc-500">({hint})</span>}</span>
    </label>
  );
}
