"use client";
import { Plus, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input, Label, Select } from "@/components/ui/input";
import { ConsistencyFields, EscalationFields } from "./evaluator-mode-fields";
import { EVALUATOR_EXAMPLES, EVALUATOR_HINTS, type EvaluatorDraft, emptyEvaluator } from "./prepare-evaluator-entry";

/**
 * Evaluators of a run: type, params (JSON), optional threshold, required for the run to pass; a
 * tiered judge's escalation and self-consistency's sampling as fields. `single`: exactly one
 * evaluator and no run gate (online evaluation rules).
 */
export function EvaluatorFields({ value, onChange, single = false }: { value: EvaluatorDraft[]; onChange: (next: EvaluatorDraft[]) => void; single?: boolean }) {
  const set = (i: number, patch: Partial<EvaluatorDraft>) => onChange(value.map((e, j) => (j === i ? { ...e, ...patch } : e)));
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">{single ? "Evaluator" : "Evaluators"}</legend>
      {value.map((e, i) => (
        <div key={i} className="space-y-1.5">
          <div data-testid="evaluator-row" className="grid grid-cols-[10.5rem_1fr_5rem_auto_auto] items-end gap-2">
            <div>
              <Label htmlFor={`ev-type-${i}`} className="text-xs">Type</Label>
              <Select id={`ev-type-${i}`} value={e.type} onChange={(ev) => set(i, { ...emptyEvaluator(ev.target.value), threshold: e.threshold, required: e.required })}>
                {Object.keys(EVALUATOR_EXAMPLES).map((t) => <option key={t} value={t}>{t}</option>)}
              </Select>
            </div>
            <div>
              <Label htmlFor={`ev-params-${i}`} className="text-xs">Params (JSON)</Label>
              <Input id={`ev-params-${i}`} className="font-mono text-xs" value={e.params} onChange={(ev) => set(i, { params: ev.target.value })} />
            </div>
            <div>
              <Label htmlFor={`ev-threshold-${i}`} className="text-xs">Threshold</Label>
              <Input id={`ev-threshold-${i}`} inputMode="decimal" placeholder="default" value={e.threshold} onChange={(ev) => set(i, { threshold: ev.target.value })} />
            </div>
            {single ? <span /> : (
              <label className="flex h-9 items-center gap-1 text-xs" title="The run fails when this evaluator's pass rate is below the minimum">
                <input type="checkbox" checked={e.required} onChange={(ev) => set(i, { required: ev.target.checked })} /> required
              </label>
            )}
            {single ? <span /> : <Button variant="ghost" size="sm" aria-label={`Remove evaluator ${i + 1}`} disabled={value.length === 1} onClick={() => onChange(value.filter((_, j) => j !== i))}><X className="size-4" /></Button>}
          </div>
          {e.type === "llm_judge" && <EscalationFields id={`ev-esc-${i}`} value={e.escalation} onChange={(escalation) => set(i, { escalation })} />}
          {e.type === "self_consistency" && <ConsistencyFields id={`ev-sc-${i}`} value={e.consistency} onChange={(consistency) => set(i, { consistency })} />}
          {EVALUATOR_HINTS[e.type] && <p className="-mt-0.5 text-xs text-zinc-500">{EVALUATOR_HINTS[e.type]}</p>}
        </div>
      ))}
      {!single && <Button variant="secondary" size="sm" onClick={() => onChange([...value, emptyEvaluator("contains")])}><Plus className="size-3.5" /> Add evaluator</Button>}
    </fieldset>
  );
}
