"use client";
import { type FormEvent } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FieldError, Input, Label, Select } from "@/components/ui/input";
import { useAlertMutations } from "@/lib/queries/alerts/use-alert-mutations";

// Thresholds are entered in the unit people think in (%, ms, $/h) and stored as the API's.
const MEASURES = [
  { id: "latency_p95", label: "p95 latency", unit: "ms", toApi: (v: number) => v },
  { id: "error_rate", label: "Error rate", unit: "%", toApi: (v: number) => v / 100 },
  { id: "cost_per_hour", label: "Cost per hour", unit: "USD/h", toApi: (v: number) => v },
  { id: "thumbs_down_rate", label: "Thumbs-down rate", unit: "%", toApi: (v: number) => v / 100 },
  { id: "drift", label: "Embedding drift", unit: "effect (0 = none flagged)", toApi: (v: number) => v },
] as const;

export function AlertRuleForm({ projectId }: { projectId: string }) {
  const { create } = useAlertMutations(projectId);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const f = new FormData(form);
    const measure = MEASURES.find((m) => m.id === f.get("measure")) ?? MEASURES[0];
    const environment = String(f.get("environment") ?? "").trim();
    const model = String(f.get("model") ?? "").trim();
    create.mutate(
      {
        name: String(f.get("name")),
        measure: measure.id,
        comparator: String(f.get("comparator")),
        threshold: measure.toApi(Number(f.get("threshold"))),
        windowMinutes: Number(f.get("windowMinutes")),
        cooldownMinutes: Number(f.get("cooldownMinutes")),
        webhookUrl: String(f.get("webhookUrl")),
        filters: { ...(environment ? { environment } : {}), ...(model ? { model } : {}) },
      },
      { onSuccess: () => (toast.success("Alert rule created"), form.reset()) },
    );
  }
  return (
    <Card title="New alert rule" description="Evaluated every minute over the window; firing and recovery POST Slack-compatible JSON to the webhook.">
      <form onSubmit={onSubmit} className="grid grid-cols-2 gap-3 text-sm md:grid-cols-4">
        <div className="col-span-2"><Label htmlFor="alert-name">Name</Label><Input id="alert-name" name="name" required maxLength={100} placeholder="Checkout bot is slow" /></div>
        <div><Label htmlFor="alert-measure">Measure</Label><Select id="alert-measure" name="measure">{MEASURES.map((m) => <option key={m.id} value={m.id}>{m.label} ({m.unit})</option>)}</Select></div>
        <div className="flex gap-2">
          <div className="w-28"><Label htmlFor="alert-comparator">When</Label><Select id="alert-comparator" name="comparator"><option value="gt">above</option><option value="lt">below</option></Select></div>
          <div className="flex-1"><Label htmlFor="alert-threshold">Threshold</Label><Input id="alert-threshold" name="threshold" type="number" step="any" min="0" required /></div>
        </div>
        <div><Label htmlFor="alert-window">Window (min)</Label><Input id="alert-window" name="windowMinutes" type="number" min="1" max="1440" defaultValue={5} /></div>
        <div><Label htmlFor="alert-cooldown">Cool-down (min)</Label><Input id="alert-cooldown" name="cooldownMinutes" type="number" min="0" defaultValue={30} /></div>
        <div><Label htmlFor="alert-env">Environment (optional)</Label><Input id="alert-env" name="environment" placeholder="production" /></div>
        <div><Label htmlFor="alert-model">Model (optional)</Label><Input id="alert-model" name="model" placeholder="gpt-4o" /></div>
        <div className="col-span-2 md:col-span-3"><Label htmlFor="alert-webhook">Webhook URL</Label><Input id="alert-webhook" name="webhookUrl" type="url" required placeholder="https://hooks.slack.com/services/…" /></div>
        <div className="flex items-end"><Button type="submit" disabled={create.isPending}>{create.isPending ? "Creating…" : "Create rule"}</Button></div>
        <div className="col-span-full"><FieldError>{create.error?.message}</FieldError></div>
      </form>
    </Card>
  );
}
