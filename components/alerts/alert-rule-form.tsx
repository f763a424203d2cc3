"use client";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FieldError, Input, Label, Select } from "@/components/ui/input";
import { WriteOnlyUrlField } from "@/components/ui/write-only-url-field";
import type { AlertRuleRow } from "@/lib/queries/alerts/keys";
import { useAlertMutations } from "@/lib/queries/alerts/use-alert-mutations";

// Thresholds are entered in the unit people think in (%, ms, $/h) and stored as the API's.
const percent = { toApi: (v: number) => v / 100, fromApi: (v: number) => Number((v * 100).toPrecision(12)) };
const same = { toApi: (v: number) => v, fromApi: (v: number) => v };
const MEASURES = [
  { id: "latency_p95", label: "p95 latency", unit: "ms", ...same },
  { id: "error_rate", label: "Error rate", unit: "%", ...percent },
  { id: "cost_per_hour", label: "Cost per hour", unit: "USD/h", ...same },
  { id: "thumbs_down_rate", label: "Thumbs-down rate", unit: "%", ...percent },
  { id: "drift", label: "Embedding drift", unit: "effect (0 = none flagged)", ...same },
] as const;

function otherFilters(rule: AlertRuleRow | undefined): Record<string, string | number> {
  const { environment: _environment, model: _model, ...rest } = rule?.filters ?? {};
  return rest;
}

/**
 * Creates a rule, or edits `rule`. An edit shows the saved webhook masked (the server never sends
 * it in full) and sends a URL only when one was typed with "Replace", so saving keeps the stored one.
 */
export function AlertRuleForm({ projectId, rule, onDone }: { projectId: string; rule?: AlertRuleRow; onDone?: () => void }) {
  const { create, update } = useAlertMutations(projectId);
  const [replacing, setReplacing] = useState(false);
  const mutation = rule ? update : create;
  const measureOf = (id: unknown) => MEASURES.find((m) => m.id === id) ?? MEASURES[0];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const f = new FormData(form);
    const measure = measureOf(f.get("measure"));
    const environment = String(f.get("environment") ?? "").trim();
    const model = String(f.get("model") ?? "").trim();
    const fields = {
      name: String(f.get("name")),
      measure: measure.id,
      comparator: String(f.get("comparator")),
      threshold: measure.toApi(Number(f.get("threshold"))),
      windowMinutes: Number(f.get("windowMinutes")),
      cooldownMinutes: Number(f.get("cooldownMinutes")),
      // Filters this form has no field for (prompt name or version, set through the API) stay as they are.
      filters: { ...otherFilters(rule), ...(environment ? { environment } : {}), ...(model ? { model } : {}) },
    };
    const webhookUrl = f.get("webhookUrl");
    if (rule) {
      update.mutate({ id: rule.id, ...fields, ...(webhookUrl === null ? {} : { webhookUrl: String(webhookUrl) }) }, { onSuccess: () => (toast.success("Alert rule saved"), onDone?.()) });
    } else {
      create.mutate({ ...fields, webhookUrl: String(webhookUrl) }, { onSuccess: () => (toast.success("Alert rule created"), form.reset()) });
    }
  }

  const initial = rule ? measureOf(rule.measure) : undefined;
  return (
    <Card title={rule ? `Edit "${rule.name}"` : "New alert rule"} description="Evaluated every minute over the window; firing and recovery POST Slack-compatible JSON to the webhook.">
      <form onSubmit={onSubmit} className="grid grid-cols-2 gap-3 text-sm xl:grid-cols-4">
        <div className="col-span-2"><Label htmlFor="alert-name">Name</Label><Input id="alert-name" name="name" required maxLength={100} placeholder="Checkout bot is slow" defaultValue={rule?.name} /></div>
        <div><Label htmlFor="alert-measure">Measure</Label><Select id="alert-measure" name="measure" defaultValue={rule?.measure}>{MEASURES.map((m) => <option key={m.id} value={m.id}>{m.label} ({m.unit})</option>)}</Select></div>
        <div className="flex gap-2">
          <div className="w-28"><Label htmlFor="alert-comparator">When</Label><Select id="alert-comparator" name="comparator" defaultValue={rule?.comparator}><option value="gt">above</option><option value="lt">below</option></Select></div>
          <div className="flex-1"><Label htmlFor="alert-threshold">Threshold</Label><Input id="alert-threshold" name="threshold" type="number" step="any" min="0" required defaultValue={rule && initial ? initial.fromApi(rule.threshold) : undefined} /></div>
        </div>
        <div><Label htmlFor="alert-window">Window (min)</Label><Input id="alert-window" name="windowMinutes" type="number" min="1" max="1440" defaultValue={rule?.windowMinutes ?? 5} /></div>
        <div><Label htmlFor="alert-cooldown">Cool-down (min)</Label><Input id="alert-cooldown" name="cooldownMinutes" type="number" min="0" defaultValue={rule?.cooldownMinutes ?? 30} /></div>
        <div><Label htmlFor="alert-env">Environment (optional)</Label><Input id="alert-env" name="environment" placeholder="production" defaultValue={rule?.filters?.environment ?? ""} /></div>
        <div><Label htmlFor="alert-model">Model (optional)</Label><Input id="alert-model" name="model" placeholder="gpt-4o" defaultValue={rule?.filters?.model ?? ""} /></div>
        <div className="col-span-2 xl:col-span-3">
          <WriteOnlyUrlField id="alert-webhook" name="webhookUrl" label="Webhook URL" required placeholder="https://hooks.slack.com/services/…" saved={rule?.webhookUrl ?? null} replacing={replacing} onReplacingChange={setReplacing} />
        </div>
        <div className="flex items-end gap-2">
          <Button type="submit" disabled={mutation.isPending}>{rule ? (update.isPending ? "Saving…" : "Save rule") : create.isPending ? "Creating…" : "Create rule"}</Button>
          {rule && <Button variant="ghost" onClick={onDone}>Cancel</Button>}
        </div>
        <div className="col-span-full"><FieldError>{mutation.error?.message}</FieldError></div>
      </form>
    </Card>
  );
}
