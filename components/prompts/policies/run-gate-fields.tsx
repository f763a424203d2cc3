"use client";
import Link from "next/link";
import { EvaluatorFields } from "@/components/runs/evaluator-fields";
import { Skeleton } from "@/components/ui/card";
import { Input, Label, Select } from "@/components/ui/input";
import type { DatasetRow } from "@/lib/queries/datasets/keys";
import type { LlmConnectionRow } from "@/lib/queries/llm-connections/keys";
import { type GateField, type GateForm, resolveChoice } from "./prepare-run-gate";

type Lists<T> = { data: T[] | undefined; isPending: boolean; isError: boolean };
type Props = {
  projectId: string; value: GateForm; onChange: (patch: Partial<GateForm>) => void;
  datasets: Lists<DatasetRow>; connections: Lists<LlmConnectionRow>; errorOf: (field: GateField) => string | undefined;
};

/**
 * What a passing run means for this label: the golden set, the connection and model the
 * proposed version runs on, the evaluators, the minimum pass rate and the largest drop against
 * the label's current version. Proposing a version starts that run (lib/prompts/start-gate-runs.ts).
 */
export function RunGateFields({ projectId, value, onChange, datasets, connections, errorOf }: Props) {
  const dataset = resolveChoice(value.datasetId, value.datasetName, datasets.data);
  const connection = resolveChoice(value.connectionId, value.connectionName, connections.data);
  const models = connections.data?.find((c) => c.id === connection.id)?.models ?? [];
  return (
    <div data-testid="run-gate-fields" className="space-y-4 rounded-md border border-zinc-200 bg-zinc-50/60 p-3 dark:border-zinc-800 dark:bg-zinc-900/40">
      <p className="text-xs text-zinc-500">Proposing a version for this label runs it over the golden set (and the label&apos;s current version on the same snapshot). The change request merges only when the run passes.</p>
      <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
        <div>
          <Label htmlFor="gate-dataset">Golden set</Label>
          {datasets.isPending ? <Skeleton className="h-9 w-full" /> : datasets.data?.length === 0 && !dataset.name ? (
            <p data-testid="gate-no-datasets" className="rounded-md border border-dashed border-zinc-300 px-3 py-2 text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
              No golden sets yet. <Link className="font-medium text-indigo-600 underline-offset-2 hover:underline dark:text-indigo-400" href={`/project/${projectId}/datasets`}>Create one</Link>, then come back: this dialog stays open in the link.
            </p>
          ) : (
            <Select id="gate-dataset" value={dataset.id || (dataset.name ? `name:${dataset.name}` : "")} aria-invalid={!!errorOf("gate.dataset")}
              onChange={(e) => onChange({ datasetId: e.target.value.startsWith("name:") ? "" : e.target.value, datasetName: e.target.value.startsWith("name:") ? e.target.value.slice(5) : "" })}>
              <option value="">Choose…</option>
              {dataset.name && <option value={`name:${dataset.name}`}>{dataset.name} (not found)</option>}
              {datasets.data?.map((d) => <option key={d.id} value={d.id}>{d.name} ({d.itemCount} item{d.itemCount === 1 ? "" : "s"})</option>)}
            </Select>
          )}
          {datasets.isError && <Hint>Golden sets could not be loaded.</Hint>}
          <FieldMessage text={errorOf("gate.dataset")} />
        </div>
        <div className="grid grid-cols-2 gap-2">
          <div>
            <Label htmlFor="gate-connection">LLM connection</Label>
            {connections.isPending ? <Skeleton className="h-9 w-full" /> : (
              <Select id="gate-connection" value={connection.id || (connection.name ? `name:${connection.name}` : "")} aria-invalid={!!errorOf("gate.connection")}
                onChange={(e) => onChange({ connectionId: e.target.value.startsWith("name:") ? "" : e.target.value, connectionName: e.target.value.startsWith("name:") ? e.target.value.slice(5) : "", model: "" })}>
                <option value="">{connections.data?.length === 1 ? "The only one" : "Choose…"}</option>
                {connection.name && <option value={`name:${connection.name}`}>{connection.name} (not found)</option>}
                {connections.data?.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
              </Select>
            )}
            {connections.data?.length === 0 && <Hint>None yet: <Link className="text-indigo-600 hover:underline dark:text-indigo-400" href={`/project/${projectId}/settings/llm-connections`}>add one</Link>.</Hint>}
            <FieldMessage text={errorOf("gate.connection")} />
          </div>
          <div>
            <Label htmlFor="gate-model">Model</Label>
            <Input id="gate-model" list="gate-models" placeholder="the version's model" value={value.model} aria-invalid={!!errorOf("gate.model")} onChange={(e) => onChange({ model: e.target.value })} />
            <datalist id="gate-models">{models.map((m) => <option key={m} value={m} />)}</datalist>
            <FieldMessage text={errorOf("gate.model")} />
          </div>
        </div>
      </div>
      <div>
        <EvaluatorFields value={value.evaluators} onChange={(evaluators) => onChange({ evaluators })} />
        <FieldMessage text={errorOf("gate.evaluators")} testId="gate-evaluators-error" />
      </div>
      <div className="grid grid-cols-2 gap-3 md:w-2/3">
        <div>
          <Label htmlFor="gate-min-pass">Minimum pass rate (%)</Label>
          <Input id="gate-min-pass" inputMode="decimal" value={value.minPassRate} aria-invalid={!!errorOf("gate.minPassRate")} onChange={(e) => onChange({ minPassRate: e.target.value })} />
          <FieldMessage text={errorOf("gate.minPassRate")} />
        </div>
        <div>
          <Label htmlFor="gate-max-drop">Max drop vs current version (points)</Label>
          <Input id="gate-max-drop" inputMode="decimal" placeholder="no comparison" value={value.maxDropPoints} aria-invalid={!!errorOf("gate.maxDropPoints")} onChange={(e) => onChange({ maxDropPoints: e.target.value })} />
          <FieldMessage text={errorOf("gate.maxDropPoints")} />
        </div>
      </div>
      <div>
        <Label htmlFor="gate-score-gates">Score requirements (one per line)</Label>
        <textarea id="gate-score-gates" rows={2} className="w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 font-mono text-sm dark:border-zinc-700 dark:bg-zinc-900"
          placeholder="faithfulness ≥ 0.9, drop ≤ 0.03" value={value.scoreGates} aria-invalid={!!errorOf("gate.scoreGates")} onChange={(e) => onChange({ scoreGates: e.target.value })} />
        <Hint>An evaluator&apos;s mean over the golden set, and how far it may fall below the current version&apos;s run. Name evaluators by key (faithfulness, answer_relevancy, llm_judge_2…).</Hint>
        <FieldMessage text={errorOf("gate.scoreGates")} />
      </div>
      <FieldMessage text={errorOf("gate")} />
    </div>
  );
}

function FieldMessage({ text, testId }: { text: string | undefined; testId?: string }) {
  return text ? <p role="alert" data-testid={testId} className="mt-1 text-xs text-red-600">{text}</p> : null;
}

function Hint({ children }: { children: React.ReactNode }) {
  return <p className="mt-1 text-xs text-zinc-500">{children}</p>;
}
