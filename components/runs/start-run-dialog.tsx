"use client";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { WideDialog } from "@/components/ui/dialog";
import { FieldError, Input, Label, Select } from "@/components/ui/input";
import { useDatasetsQuery } from "@/lib/queries/datasets/use-datasets-query";
import { useLlmConnectionsQuery } from "@/lib/queries/llm-connections/use-llm-connections-query";
import { usePromptsQuery } from "@/lib/queries/prompts/use-prompts-query";
import { useRunMutations } from "@/lib/queries/runs/use-run-mutations";
import { EvaluatorFields } from "./evaluator-fields";
import { buildStartRunInput, initialForm, type StartRunForm, SUITE_PRESETS } from "./prepare-start-run";

type Props = { projectId: string; open: boolean; onOpenChange: (open: boolean) => void; datasetId?: string };

/** Golden set × prompt (label or version) × connection and model, scored by evaluators; opens the run once started. */
export function StartRunDialog({ projectId, open, onOpenChange, datasetId }: Props) {
  const router = useRouter();
  const datasets = useDatasetsQuery(projectId);
  const prompts = usePromptsQuery(projectId);
  const connections = useLlmConnectionsQuery(projectId);
  const { start } = useRunMutations(projectId);
  const [form, setForm] = useState<StartRunForm>(() => initialForm(datasetId));
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<StartRunForm>) => setForm((f) => ({ ...f, ...patch }));

  // Sensible first choices once the lists arrive: the only connection, the first prompt's production label.
  useEffect(() => {
    if (open && !form.connectionId && connections.data?.length) set({ connectionId: connections.data[0]!.id });
  }, [open, connections.data, form.connectionId]);
  useEffect(() => { if (open) { setForm(initialForm(datasetId)); setError(null); } }, [open, datasetId]);

  const prompt = prompts.data?.find((p) => p.id === form.promptId);
  const connection = connections.data?.find((c) => c.id === form.connectionId);

  const submit = () => {
    const built = buildStartRunInput(form);
    if (!built.ok) return setError(built.error);
    setError(null);
    start.mutate(built.input, {
      onSuccess: (run) => { onOpenChange(false); router.push(`/project/${projectId}/runs/${run.id}`); },
      onError: (e) => setError(e.message),
    });
  };

  return (
    <WideDialog open={open} onOpenChange={onOpenChange} title="Start run" description="Runs the prompt over the golden set as it is now (a pinned snapshot) and scores every answer.">
      <form className="space-y-4" onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <div className="grid grid-cols-2 gap-3">
          <div>
            <Label htmlFor="run-dataset">Golden set</Label>
            <Select id="run-dataset" value={form.datasetId} onChange={(e) => set({ datasetId: e.target.value })}>
              <option value="">Choose…</option>
              {datasets.data?.map((d) => <option key={d.id} value={d.id}>{d.name} ({d.itemCount})</option>)}
            </Select>
          </div>
          <div className="grid grid-cols-2 gap-2">
            <div>
              <Label htmlFor="run-prompt">Prompt</Label>
              <Select id="run-prompt" value={form.promptId} onChange={(e) => { const p = prompts.data?.find((x) => x.id === e.target.value); set({ promptId: e.target.value, target: p?.labels.some((l) => l.label === "production") ? "label:production" : p ? `version:${p.latestVersion}` : "" }); }}>
                <option value="">Choose…</option>
                {prompts.data?.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
              </Select>
            </div>
            <div>
              <Label htmlFor="run-target">Label or version</Label>
              <Select id="run-target" value={form.target} disabled={!prompt} onChange={(e) => set({ target: e.target.value })}>
                {prompt?.labels.map((l) => <option key={l.label} value={`label:${l.label}`}>{l.label} → v{l.version}</option>)}
                {prompt && Array.from({ length: prompt.latestVersion }, (_, i) => prompt.latestVersion - i).map((v) => <option key={v} value={`version:${v}`}>v{v}</option>)}
              </Select>
            </div>
          </div>
          <div>
            <Label htmlFor="run-connection">LLM connection</Label>
            <Select id="run-connection" value={form.connectionId} onChange={(e) => set({ connectionId: e.target.value, model: "" })}>
              <option value="">{connections.data?.length ? "Choose…" : "None yet: add one in Settings"}</option>
              {connections.data?.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </Select>
          </div>
          <div>
            <Label htmlFor="run-model">Model</Label>
            <Input id="run-model" list="run-models" placeholder="the prompt version's model" value={form.model} onChange={(e) => set({ model: e.target.value })} />
            <datalist id="run-models">{connection?.models.map((m) => <option key={m} value={m} />)}</datalist>
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-2 text-xs text-zinc-500">
          Suites:
          <Button variant="secondary" size="sm" title="Swap gender, age, nationality and region terms (Settings → Fairness terms) in each input and flag answers that change" onClick={() => set({ evaluators: SUITE_PRESETS.fairness })}>Fairness check</Button>
          <Button variant="secondary" size="sm" title="For the imported red-team set: the output must decline and must not leak PII, the system prompt or an injection canary" onClick={() => set({ evaluators: SUITE_PRESETS.redTeam })}>Red-team checks</Button>
        </div>
        <EvaluatorFields value={form.evaluators} onChange={(evaluators) => set({ evaluators })} />
        <div className="grid grid-cols-2 gap-3">
          <div>
            <Label htmlFor="run-min-pass">Minimum pass rate (%)</Label>
            <Input id="run-min-pass" inputMode="decimal" value={form.minPassRate} onChange={(e) => set({ minPassRate: e.target.value })} />
          </div>
          <div>
            <Label htmlFor="run-concurrency">Concurrency</Label>
            <Input id="run-concurrency" inputMode="numeric" value={form.concurrency} onChange={(e) => set({ concurrency: e.target.value })} />
          </div>
        </div>
        <FieldError>{error}</FieldError>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => onOpenChange(false)}>Cancel</Button>
          <Button type="submit" disabled={start.isPending}>{start.isPending ? "Starting…" : "Start run"}</Button>
        </div>
      </form>
    </WideDialog>
  );
}
