"use client";
import { type ChangeEvent, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { FieldError, Label, Select } from "@/components/ui/input";
import { ImportError } from "@/lib/queries/datasets/import-dataset-file";
import type { LineError } from "@/lib/queries/datasets/keys";
import { useDatasetMutations } from "@/lib/queries/datasets/use-dataset-mutations";
import { MAX_REPORTED_LINE_ERRORS } from "@/lib/schemas/datasets";
import { TextArea } from "./json-value";
import { WideDialog } from "@/components/ui/dialog";

type Format = "jsonl" | "csv";

function LineErrors({ lines }: { lines: LineError[] }) {
  return (
    <div className="rounded-md border border-red-200 dark:border-red-900">
      <ul className="max-h-56 divide-y divide-red-100 overflow-y-auto text-xs dark:divide-red-950" data-testid="import-line-errors">
        {lines.map((e) => (
          <li key={e.line} className="flex gap-3 px-3 py-1.5">
            <span className="w-16 shrink-0 font-mono text-red-700 dark:text-red-400">line {e.line}</span>
            <span className="break-all">{e.message}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Import JSONL/CSV. A file with bad lines imports nothing: the dialog lists each bad line
 * and offers to skip them and import the rest.
 */
export function ImportDialog({ projectId, datasetId, open, onOpenChange }: { projectId: string; datasetId: string; open: boolean; onOpenChange: (open: boolean) => void }) {
  const { importFile } = useDatasetMutations(projectId);
  const [text, setText] = useState("");
  const [fileName, setFileName] = useState<string | null>(null);
  const [format, setFormat] = useState<Format>("jsonl");
  const [rejected, setRejected] = useState<{ lines: LineError[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  function reset() {
    setText("");
    setFileName(null);
    setRejected(null);
    setError(null);
  }

  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return;
    setFileName(file.name);
    if (/\.csv$/i.test(file.name)) setFormat("csv");
    else if (/\.(jsonl|ndjson|json)$/i.test(file.name)) setFormat("jsonl");
    setText(await file.text());
    setRejected(null);
    setError(null);
  }

  async function submit(skipInvalid: boolean) {
    setError(null);
    try {
      const result = await importFile.mutateAsync({ datasetId, text, format, skipInvalid });
      toast.success(`Imported ${result.imported} item${result.imported === 1 ? "" : "s"}${result.skippedCount ? `, skipped ${result.skippedCount} bad line${result.skippedCount === 1 ? "" : "s"}` : ""}`);
      reset();
      onOpenChange(false);
    } catch (e) {
      if (e instanceof ImportError && e.lines.length) setRejected({ lines: e.lines });
      else setError((e as Error).message);
    }
  }

  return (
    <WideDialog
      open={open}
      onOpenChange={(o) => (o ? onOpenChange(o) : (reset(), onOpenChange(false)))}
      title="Import items"
      description={<>One item per line (JSONL: <code>{'{"input": …, "expected_output": …, "metadata": {…}}'}</code>) or a CSV with columns <code>input, expected_output, metadata</code> (JSON-looking cells are read as JSON).</>}
    >
      <div className="space-y-3">
        <div className="flex flex-wrap items-end gap-3">
          <div>
            <Label htmlFor="import-file">File</Label>
            <input id="import-file" type="file" accept=".jsonl,.ndjson,.json,.csv,text/csv,application/x-ndjson" onChange={(e) => void onFile(e)} className="text-sm" />
          </div>
          <div className="w-32">
            <Label htmlFor="import-format">Format</Label>
            <Select id="import-format" value={format} onChange={(e) => setFormat(e.target.value as Format)}>
              <option value="jsonl">JSONL</option>
              <option value="csv">CSV</option>
            </Select>
          </div>
        </div>
        <div>
          <Label htmlFor="import-text">{fileName ? `Contents of ${fileName}` : "…or paste the contents"}</Label>
          <TextArea id="import-text" rows={8} value={text} onChange={(e) => (setText(e.target.value), setRejected(null))} spellCheck={false} placeholder={'{"input": "How do refunds work?", "expected_output": "Refunds take 5 business days."}'} />
        </div>
        {rejected && (
          <div className="space-y-2" role="alert">
            <p className="text-sm text-red-700 dark:text-red-400">
              {rejected.lines.length >= MAX_REPORTED_LINE_ERRORS ? `At least ${rejected.lines.length} bad lines` : `${rejected.lines.length} bad line${rejected.lines.length === 1 ? "" : "s"}`}: nothing was imported. Fix the file, or skip the bad lines and import the rest.
            </p>
            <LineErrors lines={rejected.lines} />
          </div>
        )}
        <FieldError>{error}</FieldError>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => (reset(), onOpenChange(false))}>Cancel</Button>
          {rejected ? (
            <Button onClick={() => void submit(true)} disabled={importFile.isPending}>{importFile.isPending ? "Importing…" : "Skip bad lines and import the rest"}</Button>
          ) : (
            <Button onClick={() => void submit(false)} disabled={importFile.isPending || !text.trim()}>{importFile.isPending ? "Importing…" : "Import"}</Button>
          )}
        </div>
      </div>
    </WideDialog>
  );
}
