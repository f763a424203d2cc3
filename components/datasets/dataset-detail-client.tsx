"use client";
import { KeyLegend } from "@/components/ui/key-legend";
import { FieldError } from "@/components/ui/input";
import { formatDateTime } from "@/lib/format/format-date";
import { useDatasetItemsQuery } from "@/lib/queries/datasets/use-dataset-items-query";
import { useDatasetQuery } from "@/lib/queries/datasets/use-dataset-query";
import { DatasetDetailHeader } from "./dataset-detail-header";
import { DatasetItemsCard } from "./dataset-items-card";
import { DatasetSettingsDialog } from "./dataset-settings-dialog";
import { DatasetToolbar } from "./dataset-toolbar";
import { ImportDialog } from "./import-dialog";
import { ItemEditDialog } from "./item-edit-dialog";
import { ItemHistoryDialog } from "./item-history-dialog";
import { useDatasetDialogs } from "./use-dataset-dialogs";
import { useSnapshotAt } from "./use-snapshot-at";

const DETAIL_KEYS = [["n", "add item"], ["u", "import a file"]] as const;

export function DatasetDetailClient({ projectId, datasetId, canEdit }: { projectId: string; datasetId: string; canEdit: boolean }) {
  const [at, setAt] = useSnapshotAt();
  const dataset = useDatasetQuery(projectId, datasetId);
  const items = useDatasetItemsQuery(projectId, datasetId, at);
  const readOnly = !canEdit || !!at;
  const { editing, setEditing, historyOf, setHistoryOf, importing, setImporting, settings, setSettings } = useDatasetDialogs(readOnly);

  if (dataset.isError) return <FieldError>{dataset.error.message}</FieldError>;
  return (
    <div className="space-y-4">
      <DatasetDetailHeader projectId={projectId} dataset={dataset.data} canEdit={canEdit} onSettings={() => setSettings(true)} />
      <DatasetToolbar projectId={projectId} datasetId={datasetId} at={at} readOnly={readOnly} onAt={setAt} onImport={() => setImporting(true)} onAdd={() => setEditing({ item: null })} />
      {!readOnly && <KeyLegend keys={DETAIL_KEYS} />}
      {at && (
        <p className="rounded-md bg-indigo-50 px-3 py-2 text-sm text-indigo-900 dark:bg-indigo-950 dark:text-indigo-200" data-testid="snapshot-banner">
          Showing the set as it was at {formatDateTime(at)} (read-only). <button type="button" className="underline" onClick={() => setAt(null)}>Back to now</button>
        </p>
      )}
      <DatasetItemsCard projectId={projectId} datasetId={datasetId} at={at} readOnly={readOnly} items={items} onEdit={(item) => setEditing({ item })} onHistory={setHistoryOf} />
      <ItemEditDialog projectId={projectId} datasetId={datasetId} item={editing?.item ?? null} open={!!editing} onOpenChange={(o) => !o && setEditing(null)} />
      <ItemHistoryDialog projectId={projectId} datasetId={datasetId} itemId={historyOf} onClose={() => setHistoryOf(null)} />
      {dataset.data && <DatasetSettingsDialog projectId={projectId} dataset={dataset.data} open={settings} onOpenChange={setSettings} />}
      <ImportDialog projectId={projectId} datasetId={datasetId} open={importing} onOpenChange={setImporting} />
    </div>
  );
}
