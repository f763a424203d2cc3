"use client";
import { Input, Label, Select } from "@/components/ui/input";
import { type ConsistencyDraft, DEFAULT_CONSISTENCY, DEFAULT_ESCALATION, type EscalationDraft } from "./prepare-evaluator-entry";

const small = "h-8 text-xs";

/** A tiered llm_judge: the params' (or run's) model judges first; uncertain verdicts go to the strong model. */
export function EscalationFields({ id, value = DEFAULT_ESCALATION, onChange }: { id: string; value?: EscalationDraft; onChange: (next: EscalationDraft) => void }) {
  const set = (patch: Partial<EscalationDraft>) => onChange({ ...value, ...patch });
  return (
    <div data-testid="escalation-fields" className="space-y-2 rounded-md border border-zinc-200 p-2 dark:border-zinc-800">
      <label className="flex items-center gap-2 text-xs">
        <input type="checkbox" checked={value.enabled} onChange={(ev) => set({ enabled: ev.target.checked })} />
        Tiered: escalate uncertain verdicts to a stronger model (the judge model in params, else the run&apos;s, is the cheap one)
      </label>
      {value.enabled && (
        <div className="grid grid-cols-5 gap-2">
          <Field id={`${id}-strong`} label="Strong model"><Input id={`${id}-strong`} className={small} placeholder="e.g. gpt-4o" value={value.model} onChange={(ev) => set({ model: ev.target.value })} /></Field>
          <Field id={`${id}-band-min`} label="Uncertain band from"><Input id={`${id}-band-min`} className={small} inputMode="decimal" placeholder="none" value={value.bandMin} onChange={(ev) => set({ bandMin: ev.target.value })} /></Field>
          <Field id={`${id}-band-max`} label="to (1–5 scale)"><Input id={`${id}-band-max`} className={small} inputMode="decimal" placeholder="none" value={value.bandMax} onChange={(ev) => set({ bandMax: ev.target.value })} /></Field>
          <Field id={`${id}-samples`} label="Cheap samples"><Input id={`${id}-samples`} className={small} inputMode="numeric" title="2 or more: escalate when the cheap answers disagree" value={value.samples} onChange={(ev) => set({ samples: ev.target.value })} /></Field>
          <Field id={`${id}-temperature`} label="Sample temperature"><Input id={`${id}-temperature`} className={small} inputMode="decimal" disabled={Number(value.samples) < 2} value={value.temperature} onChange={(ev) => set({ temperature: ev.target.value })} /></Field>
        </div>
      )}
    </div>
  );
}

/** self_consistency: the item's answer plus samples − 1 re-asks at the temperature; the threshold field is the agreement needed. */
export function ConsistencyFields({ id, value = DEFAULT_CONSISTENCY, onChange }: { id: string; value?: ConsistencyDraft; onChange: (next: ConsistencyDraft) => void }) {
  const set = (patch: Partial<ConsistencyDraft>) => onChange({ ...value, ...patch });
  return (
    <div data-testid="consistency-fields" className="grid grid-cols-3 gap-2 rounded-md border border-zinc-200 p-2 dark:border-zinc-800">
      <Field id={`${id}-samples`} label="Samples (2–10, incl. the output)"><Input id={`${id}-samples`} className={small} inputMode="numeric" value={value.samples} onChange={(ev) => set({ samples: ev.target.value })} /></Field>
      <Field id={`${id}-temperature`} label="Temperature"><Input id={`${id}-temperature`} className={small} inputMode="decimal" value={value.temperature} onChange={(ev) => set({ temperature: ev.target.value })} /></Field>
      <Field id={`${id}-similarity`} label="Agreement by">
        <Select id={`${id}-similarity`} className={small} value={value.similarity} onChange={(ev) => set({ similarity: ev.target.value as ConsistencyDraft["similarity"] })}>
          <option value="embedding">embedding (offline, cosine)</option>
          <option value="token">token overlap (Jaccard)</option>
        </Select>
      </Field>
      <p className="col-span-3 text-xs text-zinc-500">Threshold: the mean pairwise agreement an item needs (default 0.7); below it the item is flagged. Needs a prompt run.</p>
    </div>
  );
}

function Field({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div>
      <Label htmlFor={id} className="text-xs">{label}</Label>
      {children}
    </div>
  );
}
