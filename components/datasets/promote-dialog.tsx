"use client";
import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useMemo, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/card";
import { FieldError, Input, Label, Select } from "@/components/ui/input";
import type { PromoteResult, PromoteTrace } from "@/lib/queries/datasets/keys";
import { useDatasetMutations } from "@/lib/queries/datasets/use-dataset-mutations";
import { useDatasetsQuery } from "@/lib/queries/datasets/use-datasets-query";
import { usePromoteTraceQuery } from "@/lib/queries/datasets/use-promote-trace-query";
import { editorText, JsonBlock, parseEditorText, ValueEditor } from "./json-value";
import { WideDialog } from "@/components/ui/dialog";

const NEW = "__new__";

// An errored trace has no output to prefill from: say so rather than promise a prefill over an empty box.
const expectedLabel = (actual: unknown) =>
  actual != null && actual !== "" ? "Expected output (prefilled with the actual output)" : "Expected output (no actual output to prefill: write the answer you expect)";

/** What is being promoted: the span when given, else the trace (its output, or its last LLM span's). */
function promotedSource(trace: PromoteTrace, spanId?: string) {
  const span = spanId ? trace.spans.find((s) => s.id === spanId) : undefined;
  if (span) return { label: `span “${span.name}”`, input: span.input, output: span.output };
  const lastLlm = [...trace.spans].reverse().find((s) => s.output != null && s.kind === "llm");
  return { label: `trace “${trace.name ?? trace.id}”`, input: trace.input ?? trace.spans[0]?.input ?? null, output: trace.output ?? lastLlm?.output ?? null };
}

/**
 * "Promote to golden set" from a trace, a span or an inbox item: shows the input, prefills
 * the expected output with what the app actually answered (edit it to the right answer),
 * and adds the item to an existing set or a new one, keeping the link back to the trace.
 */
export function PromoteDialog({ projectId, traceId, spanId, triageItemId, open, onOpenChange, onPromoted, defaultDatasetId }: {
  projectId: string; traceId: string; spanId?: string; triageItemId?: string; open: boolean; onOpenChange: (open: boolean) => void; onPromoted?: (result: PromoteResult) => void;
  /** Preselected golden set (else the most recently updated one). */
  defaultDatasetId?: string;
}) {
  const router = useRouter();
  const trace = usePromoteTraceQuery(projectId, open ? traceId : null);
  const datasets = useDatasetsQuery(projectId);
  const { promote } = useDatasetMutations(projectId);
  const source = useMemo(() => (trace.data ? promotedSource(trace.data, spanId) : null), [trace.data, spanId]);
  const [target, setTarget] = useState<string>("");
  const [newName, setNewName] = useState("");
  const [expected, setExpected] = useState({ text: "", json: false });
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open || !source) return;
    setExpected({ text: editorText(source.output), json: source.output != null && typeof source.output !== "string" });
    setError(null);
  }, [open, source]);
  useEffect(() => {
    if (open && !target && datasets.data) setTarget(datasets.data.find((d) => d.id === defaultDatasetId)?.id ?? datasets.data[0]?.id ?? NEW);
  }, [open, target, datasets.data, defaultDatasetId]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = parseEditorText(expected.text, expected.json);
    if ("error" in parsed) return setError(`Expected output: ${parsed.error}`);
    if (target === NEW && !newName.trim()) return setError("Name the new golden set");
    try {
      const result = await promote.mutateAsync({
        ...(target === NEW ? { newDatasetName: newName.trim() } : { datasetId: target }),
        traceId, ...(spanId ? { spanId } : {}), ...(triageItemId ? { triageItemId } : {}),
        expectedOutput: parsed.value,
      });
      const href = `/project/${projectId}/datasets/${result.dataset.id}`;
      toast.success(`Added to “${result.dataset.name}”`, { action: { label: "Open golden set", onClick: () => router.push(href) } });
      onPromoted?.(result);
      setNewName("");
      onOpenChange(false);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <WideDialog open={open} onOpenChange={onOpenChange} title="Promote to golden set" description={source ? `From ${source.label}. Correct the expected output; the item keeps a link to this trace.` : "Loading the trace…"}>
      {trace.isPending ? <Skeleton className="h-40 w-full" /> : trace.isError ? <FieldError>{trace.error.message}</FieldError> : (
        <form onSubmit={(e) => void onSubmit(e)} className="space-y-4">
          <div>
            <div className="mb-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">Input</div>
            <JsonBlock value={source?.input} />
          </div>
          <ValueEditor id="promote-expected" label={expectedLabel(source?.output)} text={expected.text} asJson={expected.json} onText={(t) => setExpected((s) => ({ ...s, text: t }))} onAsJson={(j) => setExpected((s) => ({ ...s, json: j }))} rows={8} />
          <div className="grid gap-3 sm:grid-cols-2">
            <div>
              <Label htmlFor="promote-dataset">Golden set</Label>
              <Select id="promote-dataset" value={target} onChange={(e) => setTarget(e.target.value)}>
                {(datasets.data ?? []).map((d) => <option key={d.id} value={d.id}>{d.name} ({d.itemCount})</option>)}
                <option value={NEW}>New golden set…</option>
              </Select>
            </div>
            {target === NEW && (
              <div>
                <Label htmlFor="promote-new-name">New set name</Label>
                <Input id="promote-new-name" value={newName} onChange={(e) => setNewName(e.target.value)} placeholder="e.g. Refund questions" maxLength={100} autoFocus />
              </div>
            )}
          </div>
          <FieldError>{error}</FieldError>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => onOpenChange(false)}>Cancel</Button>
            <Button type="submit" disabled={promote.isPending}>{promote.isPending ? "Promoting…" : "Promote"}</Button>
          </div>
        </form>
      )}
    </WideDialog>
  );
}
