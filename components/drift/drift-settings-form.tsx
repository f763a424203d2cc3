"use client";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FieldError, Input, Label, Select } from "@/components/ui/input";
import { useDriftSettingsMutation } from "@/lib/queries/drift/use-drift-settings-mutation";
import type { EmbeddingSettingsView } from "@/lib/schemas/drift";

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
        alpha: Number(f.get("alpha")), minDistance: Number(f.get("minDistance")),
        baseline: baseline === "fixed" ? { kind: "fixed", start: iso("baselineStart"), end: iso("baselineEnd") } : { kind: "previous" },
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
        <div><Label htmlFor="drift-baseline">Reference</Label><Select id="drift-baseline" value={baseline} onChange={(e) => setBaseline(e.target.value as typeof baseline)}><option value="previous">previous window</option><option value="fixed">fixed baseline period</option></Select></div>
        {baseline === "fixed" && (
          <>
            <div><Label htmlFor="drift-baseline-start">Baseline from</Label><Input id="drift-baseline-start" name="baselineStart" type="datetime-local" required defaultValue={local(settings.baseline.kind === "fixed" ? settings.baseline.start : undefined)} /></div>
            <div><Label htmlFor="drift-baseline-end">Baseline to</Label><Input id="drift-baseline-end" name="baselineEnd" type="datetime-local" required defaultValue={local(settings.baseline.kind === "fixed" ? settings.baseline.end : undefined)} /></div>
          </>
        )}
        <div><Label htmlFor="drift-alpha">Alpha</Label><Input id="drift-alpha" name="alpha" type="number" step="any" min={0.0001} max={0.2} defaultValue={settings.alpha} /></div>
        <div><Label htmlFor="drift-min-distance">Minimum shift</Label><Input id="drift-min-distance" name="minDistance" type="number" step="any" min={0} max={2} defaultValue={settings.minDistance} /></div>
        <div className="flex items-end"><Button type="submit" disabled={save.isPending}>{save.isPending ? "Saving…" : "Save settings"}</Button></div>
        <div className="col-span-full"><FieldError>{save.error?.message}</FieldError></div>
      </form>
    </Card>
  );
}
