"use client";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FieldError, Input, Label } from "@/components/ui/input";
import type { PiiSettings } from "@/lib/pii/settings";
import { useUpdateIngestSettings } from "@/lib/queries/ingest-settings/use-update-ingest-settings";

const DETECTOR_LABELS: Record<string, string> = {
  email: "Email addresses", phone: "Phone numbers (incl. Korean mobile)", creditCard: "Credit cards (Luhn-checked)",
  rrn: "Korean resident registration numbers", apiKey: "API keys and tokens (sk-…, AKIA…, JWTs)", ipAddress: "IP addresses",
};

/** Masking happens before storage: changes apply to traces ingested from now on. */
export function PiiSettingsForm({ projectId, pii, canEdit }: { projectId: string; pii: PiiSettings; canEdit: boolean }) {
  const update = useUpdateIngestSettings(projectId);
  const [patterns, setPatterns] = useState(pii.customPatterns.map((p) => ({ name: p.name, pattern: p.pattern })));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const detectors = Object.fromEntries(Object.keys(pii.detectors).map((id) => [id, form.get(`detector-${id}`) === "on"])) as PiiSettings["detectors"];
    const next: PiiSettings = { enabled: form.get("enabled") === "on", detectors, customPatterns: patterns.filter((p) => p.name || p.pattern) };
    update.mutate({ pii: next }, { onSuccess: () => toast.success("PII rules saved") });
  }

  return (
    <Card title="PII masking" description="Matches are replaced with [REDACTED:KIND] before anything is stored.">
      <form onSubmit={onSubmit} className="space-y-3 text-sm">
        <label className="flex items-center gap-2 font-medium">
          <input type="checkbox" name="enabled" defaultChecked={pii.enabled} disabled={!canEdit} /> Mask PII in inputs, outputs and metadata
        </label>
        <div className="grid grid-cols-2 gap-1.5 pl-6">
          {Object.entries(pii.detectors).map(([id, on]) => (
            <label key={id} className="flex items-center gap-2">
              <input type="checkbox" name={`detector-${id}`} defaultChecked={on} disabled={!canEdit} /> {DETECTOR_LABELS[id] ?? id}
            </label>
          ))}
        </div>
        <div>
          <Label>Custom patterns (JavaScript regular expressions)</Label>
          <div className="space-y-1.5">
            {patterns.map((p, i) => (
              <div key={i} className="flex gap-2">
                <Input aria-label="Pattern name" className="w-40" placeholder="Order id" value={p.name} disabled={!canEdit} onChange={(e) => setPatterns(patterns.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))} />
                <Input aria-label="Pattern" className="font-mono" placeholder="ORD-\d{6}" value={p.pattern} disabled={!canEdit} onChange={(e) => setPatterns(patterns.map((x, j) => (j === i ? { ...x, pattern: e.target.value } : x)))} />
                {canEdit && <Button variant="ghost" size="sm" onClick={() => setPatterns(patterns.filter((_, j) => j !== i))}>Remove</Button>}
              </div>
            ))}
          </div>
          {canEdit && <Button variant="secondary" size="sm" className="mt-2" onClick={() => setPatterns([...patterns, { name: "", pattern: "" }])}>Add pattern</Button>}
        </div>
        <FieldError>{update.error?.message}</FieldError>
        {canEdit && <Button type="submit" disabled={update.isPending}>{update.isPending ? "Saving…" : "Save PII rules"}</Button>}
      </form>
    </Card>
  );
}
