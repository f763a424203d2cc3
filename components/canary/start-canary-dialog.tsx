"use client";
import { useRouter } from "next/navigation";
import { type ReactNode, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FieldError, Input, Label, Select } from "@/components/ui/input";
import type { PromptDetail } from "@/lib/queries/prompts/keys";
import { usePromptMutations } from "@/lib/queries/prompts/use-prompt-mutations";
import { buildStartCanaryBody, canaryLabels, DEFAULT_START_FORM, type StartCanaryForm } from "./prepare-start-canary";

/** Start a canary: a version for a share of one label's calls, with an optional guard. Opens the canary page on success. */
export function StartCanaryDialog({ projectId, prompt, open, onOpenChange }: { projectId: string; prompt: PromptDetail; open: boolean; onOpenChange: (open: boolean) => void }) {
  const labels = canaryLabels(prompt.labels);
  const firstFree = labels.find((l) => !l.disabled);
  const [form, setForm] = useState<StartCanaryForm>({ ...DEFAULT_START_FORM, label: firstFree?.label ?? "", version: firstFree && prompt.latestVersion !== firstFree.version ? String(prompt.latestVersion) : "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const m = usePromptMutations(projectId);
  const router = useRouter();
  const set = (patch: Partial<StartCanaryForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    // An error goes away with the edit that may fix it; the next submit checks again.
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !(k in patch) && !(k === "guard" && Object.keys(patch).some((p) => p !== "label" && p !== "version" && p !== "percent")))));
  };
  const current = labels.find((l) => l.label === form.label);
  const picked = prompt.versions.find((v) => String(v.version) === form.version);

  function submit() {
    const built = buildStartCanaryBody(form);
    if ("errors" in built) return setErrors(built.errors);
    setErrors({});
    m.startCanary.mutate({ promptId: prompt.prompt.id, ...built.body }, {
      onSuccess: (canary) => {
        toast.success(`Canary started: v${canary.canaryVersion} for ${canary.percent}% of ${canary.label}`);
        onOpenChange(false);
        router.push(`/project/${projectId}/prompts/${prompt.prompt.id}/canaries/${canary.id}`);
      },
    });
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Start a canary" description="Send a share of one label's calls to another version, and compare them before moving the label.">
      {labels.length === 0 ? (
        <p className="text-sm text-zinc-500">No label points at a version yet. Move production or staging first: a canary needs a main version to compare with.</p>
      ) : (
        <form noValidate onSubmit={(e) => (e.preventDefault(), submit())} className="space-y-3">
          <div className="grid grid-cols-[minmax(0,1.3fr)_minmax(0,1.2fr)_minmax(0,0.8fr)] gap-3">
            <Field id="canary-label" label="Label" error={errors.label}>
              <Select id="canary-label" value={form.label} onChange={(e) => set({ label: e.target.value })}>
                {labels.map((l) => <option key={l.label} value={l.label} disabled={Boolean(l.disabled)} title={l.disabled ?? undefined}>{l.label} · v{l.version}{l.disabled ? " (has a canary)" : ""}</option>)}
              </Select>
            </Field>
            <Field id="canary-version" label="Canary version" error={errors.version}>
              <Select id="canary-version" value={form.version} onChange={(e) => set({ version: e.target.value })}>
                <option value="">Pick…</option>
                {prompt.versions.map((v) => <option key={v.version} value={v.version} disabled={v.version === current?.version} title={v.commitMessage ?? undefined}>v{v.version}{v.version === prompt.latestVersion ? " (latest)" : ""}</option>)}
              </Select>
            </Field>
            <Field id="canary-percent" label="Share of calls (%)" error={errors.percent}>
              <Input id="canary-percent" type="number" min={0.1} max={50} step="any" value={form.percent} onChange={(e) => set({ percent: e.target.value })} />
            </Field>
          </div>
          {picked?.commitMessage && <p className="text-xs text-zinc-600 dark:text-zinc-400">v{picked.version}: {picked.commitMessage}</p>}
          <p className="text-xs text-zinc-500">Up to 50 %. The same sticky key (user or session id) keeps its version for as long as the canary lasts.</p>
          <fieldset className="rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
            <legend className="px-1 text-xs font-medium">
              <label className="inline-flex items-center gap-1.5"><input type="checkbox" checked={form.guard} onChange={(e) => set({ guard: e.target.checked })} /> Guard: end the canary automatically</label>
            </legend>
            {form.guard && (
              <div className="grid grid-cols-2 gap-3">
                <Field id="guard-p" label="Error rate worse with p <" error={errors.errorRatePValue}><Input id="guard-p" type="number" step="any" placeholder="off" value={form.errorRatePValue} onChange={(e) => set({ errorRatePValue: e.target.value })} /></Field>
                <Field id="guard-calls" label="…over at least (canary calls)" error={errors.minCalls}><Input id="guard-calls" type="number" value={form.minCalls} onChange={(e) => set({ minCalls: e.target.value })} /></Field>
                <Field id="guard-down" label="Thumbs-down worse by more than (points)" error={errors.thumbsDownPoints}><Input id="guard-down" type="number" step="any" placeholder="off" value={form.thumbsDownPoints} onChange={(e) => set({ thumbsDownPoints: e.target.value })} /></Field>
                <Field id="guard-votes" label="…once each side has (votes)" error={errors.minVotes}><Input id="guard-votes" type="number" value={form.minVotes} onChange={(e) => set({ minVotes: e.target.value })} /></Field>
                <Field id="guard-latency" label="p95 latency more than (× main)" error={errors.latencyP95Ratio}><Input id="guard-latency" type="number" step="any" placeholder="off" value={form.latencyP95Ratio} onChange={(e) => set({ latencyP95Ratio: e.target.value })} /></Field>
              </div>
            )}
            <FieldError>{errors.guard}</FieldError>
          </fieldset>
          <FieldError>{m.startCanary.error?.message}</FieldError>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => onOpenChange(false)}>Cancel</Button>
            <Button type="submit" disabled={m.startCanary.isPending}>Start canary</Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

function Field({ id, label, error, children }: { id: string; label: string; error?: string; children: ReactNode }) {
  return (
    <div>
      <Label htmlFor={id}>{label}</Label>
      {children}
      {error && <p className="mt-1 text-xs text-red-600">{error}</p>}
    </div>
  );
}
