"use client";
import { type FormEvent, useEffect, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/input";
import type { DatasetItemRow } from "@/lib/queries/datasets/keys";
import { useDatasetMutations } from "@/lib/queries/datasets/use-dataset-mutations";
import { editorText, JsonBlock, parseEditorText, ValueEditor } from "./json-value";
import { WideDialog } from "@/components/ui/dialog";

const isStructured = (v: unknown) => v !== null && v !== undefined && typeof v !== "string";

/**
 * Edits an item's expected output (and optionally its input): saving adds a new version and
 * closes the old one. With no item it adds a manual item instead.
 */
export function ItemEditDialog({ projectId, datasetId, item, open, onOpenChange }: { projectId: string; datasetId: string; item: DatasetItemRow | null; open: boolean; onOpenChange: (open: boolean) => void }) {
  const m = useDatasetMutations(projectId);
  const [input, setInput] = useState({ text: "", json: false });
  const [expected, setExpected] = useState({ text: "", json: false });
  const [contexts, setContexts] = useState("");
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setInput({ text: editorText(item?.input), json: isStructured(item?.input) });
    setExpected({ text: editorText(item?.expectedOutput), json: isStructured(item?.expectedOutput) });
    setContexts(item?.contexts == null ? "" : JSON.stringify(item.contexts, null, 2));
    setError(null);
  }, [open, item]);

  const pending = m.editItem.isPending || m.addItem.isPending;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const inputValue = parseEditorText(input.text, input.json);
    const expectedValue = parseEditorText(expected.text, expected.json);
    if ("error" in inputValue) return setError(`Input: ${inputValue.error}`);
    if ("error" in expectedValue) return setError(`Expected output: ${expectedValue.error}`);
    if (inputValue.value === null || inputValue.value === "") return setError("Input: required");
    const contextsValue = contexts.trim() ? parseEditorText(contexts, true) : { value: null };
    if ("error" in contextsValue) return setError(`Contexts: ${contextsValue.error}`);
    if (contextsValue.value !== null && !Array.isArray(contextsValue.value)) return setError('Contexts: a JSON list of passages, e.g. ["Refunds take 5 days."]');
    const contextsChanged = JSON.stringify(contextsValue.value) !== JSON.stringify(item?.contexts ?? null);
    try {
      if (item) {
        const inputChanged = JSON.stringify(inputValue.value) !== JSON.stringify(item.input);
        const next = await m.editItem.mutateAsync({ datasetId, itemId: item.itemId, baseVersion: item.version, expectedOutput: expectedValue.value, ...(inputChanged ? { input: inputValue.value } : {}), ...(contextsChanged ? { contexts: contextsValue.value } : {}) });
        toast.success(`Saved as version ${next.version}`);
      } else {
        await m.addItem.mutateAsync({ datasetId, input: inputValue.value, expectedOutput: expectedValue.value ?? undefined, ...(contextsValue.value !== null ? { contexts: contextsValue.value } : {}) });
        toast.success("Item added");
      }
      onOpenChange(false);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <WideDialog open={open} onOpenChange={onOpenChange} title={item ? `Edit item (version ${item.version})` : "Add item"} description={item ? "Saving keeps the current version in the history and adds the next one." : "A hand-written case: an input and the output you expect."}>
      <form onSubmit={(e) => void onSubmit(e)} className="space-y-4">
        {item ? (
          <div>
            <div className="mb-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">Input</div>
            <JsonBlock value={item.input} />
            <details className="mt-1">
              <summary className="cursor-pointer text-xs text-zinc-500">Edit the input too</summary>
              <div className="mt-2"><ValueEditor id="item-input" label="Input" text={input.text} asJson={input.json} onText={(t) => setInput((s) => ({ ...s, text: t }))} onAsJson={(j) => setInput((s) => ({ ...s, json: j }))} rows={6} /></div>
            </details>
          </div>
        ) : (
          <ValueEditor id="item-input" label="Input" text={input.text} asJson={input.json} onText={(t) => setInput((s) => ({ ...s, text: t }))} onAsJson={(j) => setInput((s) => ({ ...s, json: j }))} rows={6} />
        )}
        <ValueEditor id="item-expected" label="Expected output" text={expected.text} asJson={expected.json} onText={(t) => setExpected((s) => ({ ...s, text: t }))} onAsJson={(j) => setExpected((s) => ({ ...s, json: j }))} rows={10} />
        <div>
          <label htmlFor="item-contexts" className="mb-1 block text-xs font-medium text-zinc-600 dark:text-zinc-400">Contexts (JSON list of retrieved passages, for the RAG evaluators; optional)</label>
          <textarea id="item-contexts" rows={4} value={contexts} onChange={(e) => setContexts(e.target.value)} placeholder='["Refunds are issued within 5 days.", { "id": "kb-2", "content": "…" }]'
            className="w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900" />
        </div>
        <FieldError>{error}</FieldError>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => onOpenChange(false)}>Cancel</Button>
          <Button type="submit" disabled={pending}>{pending ? "Saving…" : item ? "Save new version" : "Add item"}</Button>
        </div>
      </form>
    </WideDialog>
  );
}
