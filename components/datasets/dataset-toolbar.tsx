import { Download, Plus, Upload } from "lucide-react";
import { Button } from "@/components/ui/button";
import { PromoteFromTraceButton } from "./promote-from-trace";
import { SnapshotPicker } from "./snapshot-picker";

type Props = { projectId: string; datasetId: string; at: string | null; readOnly: boolean; onAt: (at: string | null) => void; onImport: () => void; onAdd: () => void };

/** The snapshot instant, downloads of what is shown, and (when writable) the ways to add items. */
export function DatasetToolbar({ projectId, datasetId, at, readOnly, onAt, onImport, onAdd }: Props) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <SnapshotPicker at={at} onChange={onAt} />
      <div className="flex flex-wrap items-center gap-2">
        <ExportLink projectId={projectId} datasetId={datasetId} at={at} format="jsonl" label="JSONL" />
        <ExportLink projectId={projectId} datasetId={datasetId} at={at} format="csv" label="CSV" />
        {!readOnly && (
          <>
            <PromoteFromTraceButton projectId={projectId} datasetId={datasetId} />
            <Button size="sm" variant="secondary" onClick={onImport} title="Import a JSONL or CSV file (u)"><Upload className="size-3.5" /> Import</Button>
            <Button size="sm" onClick={onAdd} title="Add item (n)"><Plus className="size-3.5" /> Add item</Button>
          </>
        )}
      </div>
    </div>
  );
}

/** A download of the set as shown: the snapshot's instant travels with it. */
function ExportLink({ projectId, datasetId, at, format, label }: { projectId: string; datasetId: string; at: string | null; format: "jsonl" | "csv"; label: string }) {
  const href = `/api/projects/${projectId}/datasets/${datasetId}/export?format=${format}${at ? `&at=${encodeURIComponent(at)}` : ""}`;
  return (
    <a href={href} download className="inline-flex h-7 items-center gap-1 rounded-md border border-zinc-300 px-2.5 text-xs font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"><Download className="size-3.5" /> {label}</a>
  );
}
