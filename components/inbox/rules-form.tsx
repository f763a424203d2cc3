"use client";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, Skeleton } from "@/components/ui/card";
import { FieldError, Input, Label } from "@/components/ui/input";
import { useTriageRulesQuery } from "@/lib/queries/triage/use-triage-rules-query";
import { useUpdateTriageRules } from "@/lib/queries/triage/use-update-triage-rules";
import { DEFAULT_TRIAGE_RULES, type TriageRules } from "@/lib/triage/rules";

export function TriageRulesSettings({ projectId, canEdit }: { projectId: string; canEdit: boolean }) {
  const rules = useTriageRulesQuery(projectId);
  if (rules.isPending) return <Skeleton className="h-64 w-full" />;
  if (rules.isError) return <FieldError>{rules.error.message}</FieldError>;
  // Keyed so a save (or reset) re-seeds the form from the server's answer.
  return <RulesForm key={JSON.stringify(rules.data.rules)} projectId={projectId} initial={rules.data.rules} isDefault={rules.data.isDefault} canEdit={canEdit} />;
}

const TOGGLES: { key: "error" | "thumbsDown" | "pii" | "injection" | "uncertainty" | "guardrailBlocked"; label: string; hint: string }[] = [
  { key: "error", label: "Errors", hint: "A span of the trace ended with level ERROR." },
  { key: "thumbsDown", label: "Thumbs down", hint: "A user_feedback score of 0 (thumbs down) arrives, even long after the trace." },
  { key: "injection", label: "Prompt injection suspected", hint: "The user's input looks like an attempt to override instructions (English and Korean)." },
  { key: "pii", label: "PII found", hint: "Emails, phone or card numbers were found (and masked) in the trace." },
  { key: "uncertainty", label: "Uncertain answers", hint: "The answer hedges: \"I'm not sure\", \"모르겠습니다\"…" },
  { key: "guardrailBlocked", label: "Guardrail blocked", hint: "An inline guard call in the trace blocked its input or output (an injection, a leak, a denied term…)." },
];

/** The failure-inbox rules; they apply to traces (and scores) ingested after saving. */
function RulesForm({ projectId, initial, isDefault, canEdit }: { projectId: string; initial: TriageRules; isDefault: boolean; canEdit: boolean }) {
  const update = useUpdateTriageRules(projectId);
  const [rules, setRules] = useState<TriageRules>(initial);
  const [slowMs, setSlowMs] = useState(String(initial.slow.aboveMs));
  const [faithfulBelow, setFaithfulBelow] = useState(String(initial.faithfulness.below));
  const [scores, setScores] = useState(initial.lowScores.map((s) => ({ scoreName: s.scoreName, below: String(s.below) })));
  const [error, setError] = useState<string | null>(null);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const aboveMs = Number(slowMs);
    if (rules.slow.enabled && (!Number.isInteger(aboveMs) || aboveMs < 1)) return setError("Latency threshold: enter a whole number of milliseconds (at least 1).");
    const below = Number(faithfulBelow);
    if (rules.faithfulness.enabled && (faithfulBelow.trim() === "" || !Number.isFinite(below) || below < 0 || below > 1)) return setError("Faithfulness threshold: a number from 0 to 1.");
    const filled = scores.filter((s) => s.scoreName.trim() || s.below.trim());
    const bad = filled.findIndex((s) => !s.scoreName.trim() || !s.below.trim() || !Number.isFinite(Number(s.below)));
    const lowScores = filled.map((s) => ({ scoreName: s.scoreName.trim(), below: Number(s.below) }));
    if (bad >= 0) return setError(`Score threshold ${bad + 1}: give a score name and a number.`);
    setError(null);
    const faithfulness = { enabled: rules.faithfulness.enabled, below: Number.isFinite(below) && below >= 0 && below <= 1 && faithfulBelow.trim() !== "" ? below : initial.faithfulness.below };
    const next: TriageRules = { ...rules, faithfulness, slow: { enabled: rules.slow.enabled, aboveMs: Number.isInteger(aboveMs) && aboveMs >= 1 ? aboveMs : initial.slow.aboveMs }, lowScores };
    update.mutate(next, { onSuccess: () => toast.success("Inbox rules saved; they apply to new traces") });
  }

  return (
    <Card title="Inbox rules" description={`A trace goes to the failure inbox once, with every rule it matches. Rules apply to traces and feedback that arrive after saving.${isDefault ? " These are the defaults." : ""}`}>
      <form onSubmit={onSubmit} className="space-y-4 text-sm">
        <fieldset className="space-y-2" disabled={!canEdit}>
          {TOGGLES.map((t) => (
            <label key={t.key} className="flex items-start gap-2">
              <input type="checkbox" className="mt-1" checked={rules[t.key]} onChange={(e) => setRules({ ...rules, [t.key]: e.target.checked })} />
              <span><span className="font-medium">{t.label}</span><span className="block text-xs text-zinc-500">{t.hint}</span></span>
            </label>
          ))}
          <div className="flex items-start gap-2">
            <input id="rule-slow" type="checkbox" className="mt-1" checked={rules.slow.enabled} onChange={(e) => setRules({ ...rules, slow: { ...rules.slow, enabled: e.target.checked } })} />
            <div>
              <label htmlFor="rule-slow" className="font-medium">Slow traces</label>
              <span className="block text-xs text-zinc-500">The whole trace took longer than:</span>
              <div className="mt-1 flex items-center gap-2">
                <Input aria-label="Latency threshold (ms)" className="w-32" inputMode="numeric" value={slowMs} onChange={(e) => setSlowMs(e.target.value)} disabled={!rules.slow.enabled} />
                <span className="text-xs text-zinc-500">ms</span>
              </div>
            </div>
          </div>
          <div className="flex items-start gap-2">
            <input id="rule-faithfulness" type="checkbox" className="mt-1" checked={rules.faithfulness.enabled} onChange={(e) => setRules({ ...rules, faithfulness: { ...rules.faithfulness, enabled: e.target.checked } })} />
            <div>
              <label htmlFor="rule-faithfulness" className="font-medium">Faithfulness below</label>
              <span className="block text-xs text-zinc-500">A RAG answer&apos;s faithfulness score (an online faithfulness rule, or one your app sends) is under the threshold; the item shows the unsupported statements.</span>
              <div className="mt-1 flex items-center gap-2">
                <Input aria-label="Faithfulness threshold" className="w-24" inputMode="decimal" value={faithfulBelow} onChange={(e) => setFaithfulBelow(e.target.value)} disabled={!rules.faithfulness.enabled} />
                <span className="text-xs text-zinc-500">(0–1)</span>
              </div>
            </div>
          </div>
          <div>
            <Label>Scores below a threshold</Label>
            <p className="mb-1.5 text-xs text-zinc-500">Any score by that name (eval, annotation, API) under the number puts the trace in the inbox.</p>
            <div className="space-y-1.5">
              {scores.map((s, i) => (
                <div key={i} className="flex items-center gap-2">
                  <Input aria-label={`Score name ${i + 1}`} className="w-56" placeholder="faithfulness" value={s.scoreName} onChange={(e) => setScores(scores.map((x, j) => (j === i ? { ...x, scoreName: e.target.value } : x)))} />
                  <span className="text-xs text-zinc-500">below</span>
                  <Input aria-label={`Threshold ${i + 1}`} className="w-24" inputMode="decimal" placeholder="0.5" value={s.below} onChange={(e) => setScores(scores.map((x, j) => (j === i ? { ...x, below: e.target.value } : x)))} />
                  {canEdit && <Button variant="ghost" size="sm" onClick={() => setScores(scores.filter((_, j) => j !== i))}>Remove</Button>}
                </div>
              ))}
            </div>
            {canEdit && <Button variant="secondary" size="sm" className="mt-2" onClick={() => setScores([...scores, { scoreName: "", below: "" }])}>Add score threshold</Button>}
          </div>
        </fieldset>
        <FieldError>{error ?? update.error?.message}</FieldError>
        {canEdit ? (
          <div className="flex gap-2">
            <Button type="submit" disabled={update.isPending}>{update.isPending ? "Saving…" : "Save rules"}</Button>
            <Button
              variant="ghost"
              onClick={() => {
                setRules(DEFAULT_TRIAGE_RULES);
                setSlowMs(String(DEFAULT_TRIAGE_RULES.slow.aboveMs));
                setFaithfulBelow(String(DEFAULT_TRIAGE_RULES.faithfulness.below));
                setScores([]);
              }}
            >
              Reset to defaults
            </Button>
          </div>
        ) : (
          <p className="text-xs text-zinc-500">Your role can see these rules but not change them.</p>
        )}
      </form>
    </Card>
  );
}
