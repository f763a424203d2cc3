"use client";
import Link from "next/link";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FieldError, Label, Select } from "@/components/ui/input";
import { useAnnotationMutations } from "@/lib/queries/annotation/use-annotation-mutations";
import { useQueuesQuery } from "@/lib/queries/annotation/use-queues-query";

type Source = { kind: "runs"; runIds: string[] } | { kind: "traces"; traceIds: [string, string] } | { kind: "items"; traceIds: string[] };

/**
 * Sends preference pairs to a queue: from a run comparison (baseline = A, one pair per item
 * both runs answered) or from two traces picked in the explorer. Provenance travels with them.
 */
export function SendToQueueDialog({ projectId, source, label, testId }: { projectId: string; source: Source; label: string; testId?: string }) {
  const [open, setOpen] = useState(false);
  const all = useQueuesQuery(projectId);
  // Pairs go to pair queues; single traces to rating (items) queues.
  const queues = { ...all, data: all.data?.filter((q) => (source.kind === "items" ? q.kind === "items" : q.kind !== "items")) };
  const [queueId, setQueueId] = useState("");
  const m = useAnnotationMutations(projectId);
  const mutation = source.kind === "runs" ? m.fromRuns : source.kind === "items" ? m.addItems : m.fromTraces;
  const chosen = queueId || queues.data?.[0]?.id || "";
  const send = () => {
    const noun = source.kind === "items" ? "item" : "pair";
    const done = { onSuccess: (r: { pairIds: string[] }) => { toast.success(`${r.pairIds.length} ${noun}${r.pairIds.length === 1 ? "" : "s"} sent to the queue`); setOpen(false); } };
    if (source.kind === "runs") m.fromRuns.mutate({ queueId: chosen, runIds: source.runIds }, done);
    else if (source.kind === "items") m.addItems.mutate({ queueId: chosen, traceIds: source.traceIds }, done);
    else m.fromTraces.mutate({ queueId: chosen, traceIds: source.traceIds }, done);
  };
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)} data-testid={testId}>{label}</Button>
      <Dialog open={open} onOpenChange={setOpen} title={label} description={source.kind === "runs" ? "One pair per item both runs answered: the baseline's output is A, the later run's B." : source.kind === "items" ? "Each trace's output becomes an item to rate; ratings are scores on the trace." : "The first trace's output is A, the second's B; both must answer the same input."}>
        {queues.data && !queues.data.length ? (
          <p className="text-sm">No {source.kind === "items" ? "rating" : "pair"} queue yet. <Link className="text-indigo-600 underline" href={`/project/${projectId}/annotate`}>Create one</Link> first.</p>
        ) : (
          <form className="space-y-3" onSubmit={(e) => { e.preventDefault(); send(); }}>
            <div>
              <Label htmlFor="send-queue">Queue</Label>
              <Select id="send-queue" value={chosen} onChange={(e) => setQueueId(e.target.value)}>
                {(queues.data ?? []).map((q) => <option key={q.id} value={q.id}>{q.name}</option>)}
              </Select>
            </div>
            <FieldError>{mutation.error?.message}</FieldError>
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={() => setOpen(false)}>Cancel</Button>
              <Button type="submit" disabled={!chosen || mutation.isPending}>Send</Button>
            </div>
          </form>
        )}
      </Dialog>
    </>
  );
}
