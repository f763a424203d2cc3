"use client";
import { ArrowUpRight } from "lucide-react";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Input, Label } from "@/components/ui/input";
import { PromoteDialog } from "./promote-dialog";

/** "Promote from trace id": for a trace id copied from a log or a complaint. */
export function PromoteFromTraceButton({ projectId, datasetId }: { projectId: string; datasetId: string }) {
  const [asking, setAsking] = useState(false);
  const [traceId, setTraceId] = useState("");
  const [spanId, setSpanId] = useState("");
  const [promoting, setPromoting] = useState(false);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setAsking(false);
    setPromoting(true);
  }

  return (
    <>
      <Button size="sm" variant="secondary" onClick={() => setAsking(true)}><ArrowUpRight className="size-3.5" /> Promote from trace id</Button>
      <Dialog open={asking} onOpenChange={setAsking} title="Promote from a trace" description="Paste a trace id (and optionally a span id) from this project.">
        <form onSubmit={onSubmit} className="space-y-3">
          <div><Label htmlFor="promote-trace-id">Trace id</Label><Input id="promote-trace-id" value={traceId} onChange={(e) => setTraceId(e.target.value.trim())} required autoFocus /></div>
          <div><Label htmlFor="promote-span-id">Span id (optional)</Label><Input id="promote-span-id" value={spanId} onChange={(e) => setSpanId(e.target.value.trim())} /></div>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setAsking(false)}>Cancel</Button>
            <Button type="submit" disabled={!traceId}>Continue</Button>
          </div>
        </form>
      </Dialog>
      {promoting && <PromoteDialog projectId={projectId} traceId={traceId} spanId={spanId || undefined} defaultDatasetId={datasetId} open={promoting} onOpenChange={setPromoting} />}
    </>
  );
}
