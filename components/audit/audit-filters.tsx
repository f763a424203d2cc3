"use client";
import { X } from "lucide-react";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Label, Select } from "@/components/ui/input";
import type { MemberRow } from "@/lib/queries/members/keys";
import { ACTION_PRESETS, AUDIT_RANGES, type AuditRange, type AuditView, RESOURCE_TYPES } from "./audit-url-state";

const RANGE_LABELS: Record<AuditRange, string> = { "24h": "Last 24 hours", "7d": "Last 7 days", "30d": "Last 30 days", all: "All time" };

/** Action prefix (typed or picked), actor, resource type and time range; every change goes to the URL. */
export function AuditFilters({ view, setView, members }: { view: AuditView; setView: (patch: Partial<AuditView>) => void; members: MemberRow[] }) {
  const [action, setAction] = useState(view.action);
  useEffect(() => setAction(view.action), [view.action]);
  const active = Boolean(view.action || view.actor || view.resourceType || view.range !== "all");
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => (e.preventDefault(), setView({ action: action.trim() }))}
      aria-label="Audit filters"
    >
      <div className="w-48">
        <Label htmlFor="audit-action">Action starts with</Label>
        <Input id="audit-action" list="audit-action-presets" value={action} placeholder="e.g. prompt." onChange={(e) => setAction(e.target.value)} onBlur={() => action.trim() !== view.action && setView({ action: action.trim() })} />
        <datalist id="audit-action-presets">{ACTION_PRESETS.map((p) => <option key={p.value} value={p.value}>{p.label}</option>)}</datalist>
      </div>
      <div className="w-44">
        <Label htmlFor="audit-actor">Actor</Label>
        <Select id="audit-actor" value={view.actor} onChange={(e) => setView({ actor: e.target.value })}>
          <option value="">Anyone</option>
          {members.map((m) => <option key={m.userId} value={m.userId}>{m.name ?? m.email}</option>)}
        </Select>
      </div>
      <div className="w-40">
        <Label htmlFor="audit-resource">Resource</Label>
        <Select id="audit-resource" value={view.resourceType} onChange={(e) => setView({ resourceType: e.target.value })}>
          <option value="">Any</option>
          {RESOURCE_TYPES.map((t) => <option key={t} value={t}>{t.replaceAll("_", " ")}</option>)}
        </Select>
      </div>
      <div className="w-36">
        <Label htmlFor="audit-range">When</Label>
        <Select id="audit-range" value={view.range} onChange={(e) => setView({ range: e.target.value as AuditRange })}>
          {(Object.keys(AUDIT_RANGES) as AuditRange[]).map((r) => <option key={r} value={r}>{RANGE_LABELS[r]}</option>)}
        </Select>
      </div>
      <Button type="submit" variant="secondary">Apply</Button>
      {active && (
        <Button variant="ghost" onClick={() => setView({ action: "", actor: "", resourceType: "", range: "all" })}>
          <X className="h-3.5 w-3.5" aria-hidden /> Clear
        </Button>
      )}
    </form>
  );
}
