"use client";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FieldError, Input, Label, Select } from "@/components/ui/input";
import { useDriftSettingsMutation } from "@/lib/queries/drift/use-drift-settings-mutation";
import type { EmbeddingSettingsView } from "@/lib/schemas/drift";

/** What each reference detects (lib/drift/math/baseline.ts). */
const BASELINE_HELP: Record<"trailing" | "previous" | "fixed", string> = {
  trailing: "Trailing week: each window against the previous 7 days pooled (hourly: the same hour on each of the previous 7 days). Catches gradual drift, sustained shifts (flagged until they become the norm) and one-off spikes.",
  previous: "Previous window: each window against the one before. Catches abrupt changes only: a step is flagged once, a spike twice, and drift slower than the floor per window never.",
  fixed: "Fixed period: each window against the period you choose. Catches any departure from it, for as long as it lasts.",
};

/** Embedding provider, fields and the drift test's windows, baseline and thresholds (managers only). */
export function DriftSettingsForm({ projectId, settings }: { projectId: string; settings: EmbeddingSettingsView }) {
  const save = useDriftSettingsMutation(projectId);
  const [provider, setProvider] = useState(settings.provider);
  const [baseline, setBaseline] = useState(settings.baseline.kind);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const fields = (["input", "output"] as const).filter((x) => f.get(`field-${x}`) === "on");
    const apiKey = String(f.get("apiKey") ?? "");
    const iso = (name: string) => new Date(String(f.get(name))).toISOString();
    save.mutate(
      {
        provider, fields, granularity: String(f.get("granularity")) as "hour" | "day", windows: Number(f.get("windows")),
        alpha: Number(f.get("alpha")), minEffect: Number(f.get("minEffect")), unit: String(f.get("unit")) as "trace" | "session",
        baseline: baseline === "fixed" ? { kind: "fixed", start: iso("baselineStart"), end: iso("baselineEnd") } : { kind: baseline },
        ...(provider === "provider" ? { providerConfig: { baseUrl: String(f.get("baseUrl")), model: String(f.get("model")), ...(apiKey ? { apiKey } : {}) } } : {}),
      },
      { onSuccess: () => toast.success("Drift settings saved; the worker uses them from its next run") },
    );
  }
  const local = (iso?: string) => (iso ? iso.slice(0, 16) : "");
  return (
    <Card title="Settings" description="How vectors are computed and how windows are tested. Changing the provider starts a new model: vectors of different models are never compared.">
      <form onSubmit={onSubmit} className="grid grid-cols-2 gap-3 text-sm md:grid-cols-4" aria-label="Drift settings">
        <div><Label htmlFor="drift-provider">Embeddings</Label>
          <Select id="drift-provider" value={provider} onChange={(e) => setProvider(e.target.value as typeof provider)}>
            <option value="offline">Built-in offline embedder</option><option value="provider">OpenAI-compatible API</option><option value="none">Only vectors clients send</option>
          </Select></div>
        <fieldset className="flex items-end gap-3 pb-2"><legend className="mb-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">Embed span</legend>
          {(["input", "output"] as const).map((x) => <label key={x} className="flex items-center gap-1"><input type="checkbox" name={`field-${x}`} defaultChecked={settings.fields.includes(x)} />{x}</label>)}
        </fieldset>
        <div><Label htmlFor="drift-granularity">Windows</Label><Select id="drift-granularity" name="granularity" defaultValue={settings.granularity}><option value="day">daily</option><option value="hour">hourly</option></Select></div>
        <div><Label htmlFor="drift-windows">Windows shown</Label><Input id="drift-windows" name="windows" type="number" min={2} max={60} defaultValue={settings.windows} /></div>
        {provider === "provider" && (
          <>
            <div className="col-span-2"><Label htmlFor="drift-base-url">Base URL</Label><Input id="drift-base-url" name="baseUrl" type="url" required defaultValue={settings.providerConfig?.baseUrl ?? ""} placeholder="https://api.openai.com/v1" /></div>
            <div><Label htmlFor="drift-model">Model</Label><Input id="drift-model" name="model" required defaultValue={settings.providerConfig?.model ?? ""} placeholder="text-embedding-3-small" /></div>
            <div><Label htmlFor="drift-api-key">API key</Label><Input id="drift-api-key" name="apiKey" type="password" autoComplete="off" placeholder={settings.providerConfig?.hasApiKey ? "stored (encrypted) — leave empty to keep" : "sk-…"} /></div>
          </>
        )}
        <div><Label htmlFor="drift-baseline">Reference</Label><Select id="drift-baseline" value={baseline} onChange={(e) => setBaseline(e.target.value as typeof baseline)}><option value="trailing">trailing week (pooled)</option><option value="previous">previous window</option><option value="fixed">fixed baseline period</option></Select></div>
        <div><Label htmlFor="drift-unit">Count one vector per</Label><Select id="drift-unit" name="unit" defaultValue={settings.unit}><option value="trace">trace</option><option value="session">session</option></Select></div>
        {baseline === "fixed" && (
          <>
            <div><Label htmlFor="drift-baseline-start">Baseline from</Label><Input id="drift-baseline-start" name="baselineStart" type="datetime-local" required defaultValue={local(settings.baseline.kind === "fixed" ? settings.baseline.start : undefined)} /></div>
            <div><Label htmlFor="drift-baseline-end">Baseline to</Label><Input id="drift-baseline-end" name="baselineEnd" type="datetime-local" required defaultValue={local(settings.baseline.kind === "fixed" ? settings.baseline.end : undefined)} /></div>
          </>
        )}
        <div><Label htmlFor="drift-alpha">Alpha</Label><Input id="drift-alpha" name="alpha" type="number" step="any" min={0.0001} max={0.2} defaultValue={settings.alpha} /></div>
        <div><Label htmlFor="drift-min-effect">Minimum effect</Label><Input id="drift-min-effect" name="minEffect" type="number" step="any" min={0} max={2} defaultValue={settings.minEffect} /></div>
        <p className="col-span-full text-xs text-zinc-500" data-testid="drift-baseline-help">{BASELINE_HELP[baseline]} Minimum effect: how far the centroid must move, net of sampling noise, as a share of the reference&apos;s typical spread (the same meaning for every embedding model). One vector per trace (or session): spans of one agent trace repeat the same question and count once.</p>
        <div className="flex items-end"><Button type="submit" disabled={save.isPending}>{save.isPending ? "Saving…" : "Save settings"}</Button></div>
        <div className="col-span-full"><FieldError>{save.error?.message}</FieldError></div>
      </form>
    </Card>
  );
}
