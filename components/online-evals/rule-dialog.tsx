"use client";
import { useEffect, useState } from "react";
import { EvaluatorFields } from "@/components/runs/evaluator-fields";
import { Button } from "@/components/ui/button";
import { WideDialog } from "@/components/ui/dialog";
import { FieldError, Input, Label, Select } from "@/components/ui/input";
import { useLlmConnectionsQuery } from "@/lib/queries/llm-connections/use-llm-connections-query";
import type { OnlineEvalRuleRow } from "@/lib/queries/online-evals/keys";
import { useOnlineEvalMutations } from "@/lib/queries/online-evals/use-online-eval-mutations";
import { buildRuleInput, initialRuleForm, type RuleForm, usesJudge } from "./prepare-rule-form";

type Props = { projectId: string; open: boolean; onOpenChange: (open: boolean) => void; rule?: OnlineEvalRuleRow };

const FILTERS: { key: keyof RuleForm; label: string; placeholder: string }[] = [
  { key: "environment", label: "Environment", placeholder: "any environment" },
  { key: "traceName", label: "Trace name", placeholder: "any" },
  { key: "tags", label: "Tags (all of, comma-separated)", placeholder: "any" },
  { key: "model", label: "Model", placeholder: "any" },
  { key: "promptName", label: "Prompt name", placeholder: "any" },
  { key: "promptVersion", label: "Prompt version", placeholder: "any" },
];

/** Create or edit a rule: sample rate, the explorer's trace filters, one evaluator (and its judge). */
export function RuleDialog({ projectId, open, onOpenChange, rule }: Props) {
  const connections = useLlmConnectionsQuery(projectId);
  const { create, update } = useOnlineEvalMutations(projectId);
  const [form, setForm] = useState<RuleForm>(() => initialRuleForm(rule));
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<RuleForm>) => setForm((f) => ({ ...f, ...patch }));
  useEffect(() => { if (open) { setForm(initialRuleForm(rule)); setError(null); } }, [open, rule]);
  const pending = create.isPending || update.isPending;
  const connection = connections.data?.find((c) => c.id === form.connectionId);

  const submit = () => {
    const built = buildRuleInput(form);
    if (!built.ok) return setError(built.error);
    setError(null);
    const done = { onSuccess: () => onOpenChange(false), onError: (e: Error) => setError(e.message) };
    if (rule) update.mutate({ ruleId: rule.id, changes: { ...built.input, connectionId: built.input.connectionId ?? null, model: built.input.model ?? null, scoreName: built.input.scoreName ?? built.input.name } }, done);
    else create.mutate(built.input, done);
  };

  return (
    <WideDialog open={open} onOpenChange={onOpenChange} title={rule ? `Edit ${rule.name}` : "New online evaluation rule"} description="Scores a deterministic sample of the traces that arrive from now on; the scores (source eval) appear in the explorer, the trace view, the overview and the inbox's low-score rule.">
      <form className="space-y-4" onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <div className="grid grid-cols-3 gap-3">
          <div>
            <Label htmlFor="oe-name">Name</Label>
            <Input id="oe-name" value={form.name} onChange={(e) => set({ name: e.target.value })} />
          </div>
          <div>
            <Label htmlFor="oe-rate">Sample rate (%)</Label>
            <Input id="oe-rate" inputMode="decimal" value={form.sampleRate} onChange={(e) => set({ sampleRate: e.target.value })} />
          </div>
          <div>
            <Label htmlFor="oe-score">Score name</Label>
            <Input id="oe-score" placeholder="the rule's name" value={form.scoreName} onChange={(e) => set({ scoreName: e.target.value })} />
          </div>
        </div>
        <fieldset className="grid grid-cols-3 gap-3">
          <legend className="mb-1 text-sm font-medium">Traces</legend>
          {FILTERS.map((f) => (
            <div key={f.key}>
              <Label htmlFor={`oe-${f.key}`} className="text-xs">{f.label}</Label>
              <Input id={`oe-${f.key}`} placeholder={f.placeholder} value={form[f.key] as string} onChange={(e) => set({ [f.key]: e.target.value })} />
            </div>
          ))}
        </fieldset>
        <EvaluatorFields single value={[form.evaluator]} onChange={(next) => set({ evaluator: next[0]! })} />
        {["faithfulness", "answer_relevancy", "conciseness"].includes(form.evaluator.type) && (
          <p className="text-xs text-zinc-500" data-testid="oe-rag-note">A RAG evaluator: the rule takes only traces whose answering LLM span has a retriever span before it, and checks the answer against those documents. Its score is named after it unless you name it.</p>
        )}
        {usesJudge(form.evaluator.type) && (
          <div className="grid grid-cols-2 gap-3">
            <div>
              <Label htmlFor="oe-connection">Judge connection</Label>
              <Select id="oe-connection" value={form.connectionId} onChange={(e) => set({ connectionId: e.target.value, judgeModel: "" })}>
                <option value="">{connections.data?.length ? "Choose…" : "None yet: add one in Settings"}</option>
                {connections.data?.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
              </Select>
            </div>
            <div>
              <Label htmlFor="oe-model">Judge model</Label>
              <Input id="oe-model" list="oe-models" placeholder="the connection's first model" value={form.judgeModel} onChange={(e) => set({ judgeModel: e.target.value })} />
              <datalist id="oe-models">{connection?.models.map((m) => <option key={m} value={m} />)}</datalist>
            </div>
          </div>
        )}
        <label className="flex items-center gap-2 text-sm"><input type="checkbox" checked={form.enabled} onChange={(e) => set({ enabled: e.target.checked })} /> Enabled</label>
        <FieldError>{error}</FieldError>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => onOpenChange(false)}>Cancel</Button>
          <Button type="submit" disabled={pending}>{pending ? "Saving…" : rule ? "Save" : "Create rule"}</Button>
        </div>
      </form>
    </WideDialog>
  );
}
