"use client";
import { type FormEvent, useMemo, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FieldError, Input, Label } from "@/components/ui/input";
import type { GuardPolicyRow } from "@/lib/queries/guard/keys";
import { useSaveGuardPolicy } from "@/lib/queries/guard/use-save-guard-policy";
import { MAX_SYSTEM_PROMPT_TEXTS } from "@/lib/schemas/guard";
import { GuardActionsTable } from "./guard-actions-table";
import { configFromForm, formFromPolicy, type PolicyForm, policyFromForm } from "./policy-form-values";
import { TryGuardPanel } from "./try-guard-panel";

const AREA = "w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm disabled:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900";

/** Edits one policy whole (or a new one); saving replaces it, with an audit row. The try panel uses the form as it stands. */
export function GuardPolicyEditor({ projectId, policy, canEdit, onSaved, onClose }: { projectId: string; policy: GuardPolicyRow | null; canEdit: boolean; onSaved: (name: string) => void; onClose: () => void }) {
  const save = useSaveGuardPolicy(projectId);
  const [form, setForm] = useState<PolicyForm>(() => formFromPolicy(policy));
  const [error, setError] = useState<string | null>(null);
  const set = <K extends keyof PolicyForm>(key: K, value: PolicyForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const draft = useMemo(() => configFromForm(form), [form]);
  const isNew = !policy;

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const out = policyFromForm(form);
    if ("error" in out) return setError(out.error);
    setError(null);
    save.mutate({ id: policy?.id ?? null, policy: out.policy }, {
      onSuccess: (saved) => {
        toast.success(`Policy "${saved.name}" saved; guard calls use it now`);
        onSaved(saved.name);
      },
      onError: (err) => setError(err.message),
    });
  }

  const title = isNew ? "New guard policy" : policy.builtIn ? `Policy "${policy.name}" (built-in)` : `Policy "${policy.name}"`;
  return (
    <Card title={title} description={policy?.builtIn ? "The shipped default. Saving it stores the project's own \"default\" in its place." : "Guard calls name a policy with `policy`, or get the default."} actions={<Button size="sm" variant="ghost" onClick={onClose}>Close</Button>}>
      <form onSubmit={onSubmit} className="space-y-5 text-sm" data-testid="guard-policy-form">
        <fieldset className="space-y-5" disabled={!canEdit || save.isPending}>
          <div className="grid gap-3 sm:grid-cols-[14rem_1fr]">
            <div>
              <Label htmlFor="guard-name">Name</Label>
              <Input id="guard-name" value={form.name} maxLength={100} disabled={policy?.builtIn} onChange={(e) => set("name", e.target.value)} placeholder="strict" />
            </div>
            <div>
              <Label htmlFor="guard-description">Description</Label>
              <Input id="guard-description" value={form.description} maxLength={500} onChange={(e) => set("description", e.target.value)} placeholder="What it is for" />
            </div>
          </div>
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={form.isDefault} onChange={(e) => set("isDefault", e.target.checked)} data-testid="guard-default" />
            <span>Default policy <span className="text-xs text-zinc-500">(guard calls without <code>policy</code> use it)</span></span>
          </label>

          <div>
            <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-zinc-500">What to do with each finding</h3>
            <p className="mb-2 text-xs text-zinc-500">Block: the verdict is block. Mask: the text comes back with the finding replaced by [REDACTED:TYPE]. Report: listed, verdict unchanged. Off: not looked for.</p>
            <GuardActionsTable
              value={{ input: form.input, output: form.output }}
              disabled={!canEdit}
              onChange={(direction, type, action) => setForm((f) => ({ ...f, [direction]: { ...f[direction], [type]: action } }))}
            />
          </div>

          <div className="grid gap-4 lg:grid-cols-2">
            <div>
              <Label htmlFor="guard-terms">Denied terms or topics (one per line)</Label>
              <textarea id="guard-terms" className={`${AREA} min-h-28`} value={form.deniedTerms} onChange={(e) => set("deniedTerms", e.target.value)} placeholder={"online casino\n도박\ncompetitor pricing"} />
              <p className="mt-1 text-xs text-zinc-500">Case-insensitive; English terms match whole words, Korean ones anywhere (particles attach).</p>
            </div>
            <div className="space-y-3">
              <div>
                <Label htmlFor="guard-prompts">System prompts from the prompt registry (names, one per line)</Label>
                <textarea id="guard-prompts" className={`${AREA} min-h-16 font-mono text-xs`} value={form.prompts} onChange={(e) => set("prompts", e.target.value)} placeholder="support-answer" />
                <p className="mt-1 text-xs text-zinc-500">Each prompt&apos;s production version, its canary and its newest version are checked, so a label move is followed.</p>
              </div>
              <div>
                <Label htmlFor="guard-overlap">Leak when an output echoes at least this share of a prompt&apos;s 4-word phrases</Label>
                <Input id="guard-overlap" className="w-24" inputMode="decimal" value={form.minOverlap} onChange={(e) => set("minOverlap", e.target.value)} />
              </div>
            </div>
          </div>

          <div className="space-y-2">
            <Label>System prompts kept outside Pharos</Label>
            {form.texts.map((text, i) => (
              <div key={i} className="flex items-start gap-2">
                <textarea aria-label={`System prompt text ${i + 1}`} className={`${AREA} min-h-16`} value={text} onChange={(e) => set("texts", form.texts.map((t, j) => (j === i ? e.target.value : t)))} />
                <Button size="sm" variant="ghost" onClick={() => set("texts", form.texts.filter((_, j) => j !== i))}>Remove</Button>
              </div>
            ))}
            {form.texts.length < MAX_SYSTEM_PROMPT_TEXTS && <Button size="sm" variant="secondary" onClick={() => set("texts", [...form.texts, ""])}>Add a system prompt text</Button>}
          </div>
        </fieldset>

        <FieldError>{error}</FieldError>
        {canEdit ? (
          <div className="flex gap-2">
            <Button type="submit" disabled={save.isPending}>{save.isPending ? "Saving…" : isNew ? "Create policy" : "Save policy"}</Button>
            <Button variant="secondary" onClick={onClose}>Cancel</Button>
          </div>
        ) : (
          <p className="text-xs text-zinc-500">Engineers, admins and owners can change guard policies.</p>
        )}
      </form>
      <div className="mt-6 border-t border-zinc-200 pt-4 dark:border-zinc-800">
        <TryGuardPanel projectId={projectId} config={"config" in draft ? draft.config : null} />
      </div>
    </Card>
  );
}
