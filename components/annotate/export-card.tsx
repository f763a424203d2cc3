"use client";
import { useState } from "react";
import { Card } from "@/components/ui/card";
import { Input, Label, Select } from "@/components/ui/input";

/** Download links for the TRL export; the file streams from the server a page at a time. */
export function ExportCard({ projectId, queueId }: { projectId: string; queueId: string }) {
  const [format, setFormat] = useState<"dpo" | "kto">("dpo");
  const [style, setStyle] = useState<"standard" | "conversational">("standard");
  const [minAgreement, setMinAgreement] = useState("");
  const [from, setFrom] = useState("");
  const [undesirable, setUndesirable] = useState(false);
  const q = new URLSearchParams({ format, style });
  if (minAgreement) q.set("minAgreement", String(Number(minAgreement) / 100));
  if (from) q.set("from", new Date(from).toISOString());
  if (format === "kto" && undesirable) q.set("includeUndesirable", "true");
  const href = `/api/projects/${projectId}/annotation-queues/${queueId}/export?${q}`;
  return (
    <Card title="Export" description="Decided pairs only (adjudicated, else majority). Chosen and rejected come from the final label.">
      <div className="flex flex-wrap items-end gap-3">
        <div><Label htmlFor="export-format">Format</Label><Select id="export-format" value={format} onChange={(e) => setFormat(e.target.value as "dpo" | "kto")}><option value="dpo">DPO (prompt, chosen, rejected)</option><option value="kto">KTO (prompt, completion, label)</option></Select></div>
        <div><Label htmlFor="export-style">Form</Label><Select id="export-style" value={style} onChange={(e) => setStyle(e.target.value as "standard" | "conversational")}><option value="standard">standard (strings)</option><option value="conversational">conversational (messages)</option></Select></div>
        <div className="w-36"><Label htmlFor="export-min">Min. agreement %</Label><Input id="export-min" type="number" min={0} max={100} value={minAgreement} onChange={(e) => setMinAgreement(e.target.value)} /></div>
        <div><Label htmlFor="export-from">Pairs added since</Label><Input id="export-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} /></div>
        {format === "kto" && <label className="flex items-center gap-2 pb-2 text-sm"><input type="checkbox" checked={undesirable} onChange={(e) => setUndesirable(e.target.checked)} /> ties and both-bad as undesirable</label>}
        <a href={href} download data-testid="export-link" className="inline-flex h-9 items-center rounded-md bg-indigo-600 px-3.5 text-sm font-medium text-white hover:bg-indigo-500">Download JSONL</a>
      </div>
    </Card>
  );
}
