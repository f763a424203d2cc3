"use client";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FieldError, Input, Label } from "@/components/ui/input";
import { useAnnotationMutations } from "@/lib/queries/annotation/use-annotation-mutations";
import { useMembersQuery } from "@/lib/queries/members/use-members-query";
import { parseScoreDefinitions } from "./score-definitions-text";

/** A new queue: name, markdown instructions, k, criteria, rationale mode, assigned members. */
export function QueueFormDialog({ projectId, open, onOpenChange, onCreated }: { projectId: string; open: boolean; onOpenChange: (o: boolean) => void; onCreated: (id: string) => void }) {
  const members = useMembersQuery(projectId);
  const { create } = useAnnotationMutations(projectId);
  const [name, setName] = useState("");
  const [instructions, setInstructions] = useState("");
  const [k, setK] = useState(3);
  const [criteria, setCriteria] = useState("");
  const [required, setRequired] = useState(false);
  const [assigned, setAssigned] = useState<string[]>([]);
  const [kind, setKind] = useState<"pairs" | "items">("pairs");
  const [scoresText, setScoresText] = useState("quality: 1-5\ncorrect: yes/no");
  const scores = parseScoreDefinitions(scoresText);
  const submit = () =>
    create.mutate(
      {
        name, instructions, judgmentsPerPair: k, kind, ...(kind === "items" ? { scoreDefinitions: scores.definitions } : {}), rationale: required ? "required" : "optional", annotators: assigned,
        criteria: criteria.split(",").map((c) => c.trim()).filter(Boolean).map((c) => ({ name: c })),
      },
      {
        onSuccess: (q) => {
          toast.success(`Queue "${q.name}" created`);
          onOpenChange(false);
          onCreated(q.id);
        },
      },
    );
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="New annotation queue" description="Pairs are added afterwards: JSONL import, a run comparison, the explorer or the API.">
      <form className="space-y-3" onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <div><Label htmlFor="queue-name">Name</Label><Input id="queue-name" value={name} onChange={(e) => setName(e.target.value)} required /></div>
        <div>
          <Label htmlFor="queue-instructions">Instructions (markdown)</Label>
          <textarea id="queue-instructions" rows={4} value={instructions} onChange={(e) => setInstructions(e.target.value)} className="w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900" />
        </div>
        <fieldset className="flex gap-4 text-sm">
          <legend className="mb-1 text-xs font-medium text-zinc-600">Kind</legend>
          <label className="flex items-center gap-1.5"><input type="radio" name="queue-kind" checked={kind === "pairs"} onChange={() => setKind("pairs")} /> Preference pairs (A vs B)</label>
          <label className="flex items-center gap-1.5"><input type="radio" name="queue-kind" checked={kind === "items"} onChange={() => setKind("items")} /> Single items (scores on traces)</label>
        </fieldset>
        {kind === "items" && (
          <div>
            <Label htmlFor="queue-scores">Scores, one a line: <code>name: 1-5</code>, <code>name: a | b | c</code>, <code>name: yes/no</code></Label>
            <textarea id="queue-scores" rows={3} value={scoresText} onChange={(e) => setScoresText(e.target.value)} className="w-full rounded-md border border-zinc-300 bg-white px-3 py-2 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900" />
            {scores.error && <p className="text-xs text-red-600">{scores.error}</p>}
          </div>
        )}
        <div className="flex gap-3">
          <div className="w-32"><Label htmlFor="queue-k">Judgments per pair</Label><Input id="queue-k" type="number" min={1} max={20} value={k} onChange={(e) => setK(Number(e.target.value))} /></div>
          {kind === "pairs" && <div className="flex-1"><Label htmlFor="queue-criteria">Criteria rated 1–5 (comma-separated, optional)</Label><Input id="queue-criteria" placeholder="helpful, honest, harmless" value={criteria} onChange={(e) => setCriteria(e.target.value)} /></div>}
        </div>
        <label className="flex items-center gap-2 text-sm"><input type="checkbox" checked={required} onChange={(e) => setRequired(e.target.checked)} /> Rationale required</label>
        <fieldset>
          <legend className="mb-1 text-xs font-medium text-zinc-600">Annotators</legend>
          <div className="max-h-40 space-y-1 overflow-y-auto rounded-md border border-zinc-200 p-2 dark:border-zinc-800">
            {(members.data ?? []).filter((m) => m.role !== "viewer" && m.role !== "pm").map((m) => (
              <label key={m.userId} className="flex items-center gap-2 text-sm">
                <input type="checkbox" checked={assigned.includes(m.email)} onChange={(e) => setAssigned((a) => (e.target.checked ? [...a, m.email] : a.filter((x) => x !== m.email)))} />
                {m.email} <span className="text-xs text-zinc-500">{m.role}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <FieldError>{create.error?.message}</FieldError>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => onOpenChange(false)}>Cancel</Button>
          <Button type="submit" disabled={create.isPending || !name.trim() || (kind === "items" && !!scores.error)}>Create queue</Button>
        </div>
      </form>
    </Dialog>
  );
}
