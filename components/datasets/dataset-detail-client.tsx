"use client";
import { Download, Plus, Settings2, Upload } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, EmptyState, Skeleton } from "@/components/ui/card";
import { KeyLegend } from "@/components/ui/key-legend";
import { FieldError } from "@/components/ui/input";
import { formatDateTime } from "@/lib/format/format-date";
import type { DatasetItemRow, UserNames } from "@/lib/queries/datasets/keys";
import { useDatasetItemsQuery } from "@/lib/queries/datasets/use-dataset-items-query";
import { useDatasetMutations } from "@/lib/queries/datasets/use-dataset-mutations";
import { useDatasetQuery } from "@/lib/queries/datasets/use-dataset-query";
import { DatasetSettingsDialog } from "./dataset-settings-dialog";
import { ImportDialog } from "./import-dialog";
import { ItemEditDialog } from "./item-edit-dialog";
import { ItemHistoryDialog } from "./item-history-dialog";
import { ItemsTable } from "./items-table";
import { PromoteFromTraceButton } from "./promote-from-trace";
import { SnapshotPicker } from "./snapshot-picker";
import { isTypingTarget } from "@/components/ui/keyboard";

const DETAIL_KEYS = [["n", "add item"], ["u", "import a file"]] as const;

export function DatasetDetailClient({ projectId, datasetId, canEdit }: { projectId: string; datasetId: string; canEdit: boolean }) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const at = search.get("at");
  const dataset = useDatasetQuery(projectId, datasetId);
  const items = useDatasetItemsQuery(projectId, datasetId, at);
  const m = useDatasetMutations(projectId);
  const [editing, setEditing] = useState<{ item: DatasetItemRow | null } | null>(null);
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const [settings, setSettings] = useState(false);
  const readOnly = !canEdit || !!at;

  function setAt(next: string | null) {
    const params = new URLSearchParams(search.toString());
    if (next) params.set("at", next);
    else params.delete("at");
    router.replace(`${pathname}${params.size ? `?${params}` : ""}`);
  }

  // "n" adds an item (like "n" for a new set on the list), "u" uploads a file to import — not
  // "a"/"i", which mean assign/ignore in the inbox. Not while typing or on a snapshot.
  useEffect(() => {
    if (readOnly) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.metaKey || e.ctrlKey || e.altKey || isTypingTarget(e.target) || document.querySelector("[role=dialog]")) return;
      if (e.key === "u") (e.preventDefault(), setImporting(true));
      if (e.key === "n") (e.preventDefault(), setEditing({ item: null }));
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [readOnly]);

  function remove(item: DatasetItemRow) {
    if (!window.confirm("Delete this item? Snapshots before now keep it; its history stays.")) return;
    m.deleteItem.mutate({ datasetId, itemId: item.itemId }, { onSuccess: () => toast.success("Item deleted"), onError: (e) => toast.error(e.message) });
  }

  const loaded = useMemo(() => items.data?.pages.flatMap((p) => p.items) ?? [], [items.data]);
  const users = useMemo(() => Object.assign({}, ...(items.data?.pages.map((p) => p.users) ?? [])) as UserNames, [items.data]);
  const total = items.data?.pages[0]?.total ?? 0;

  const exportHref = (format: "jsonl" | "csv") => `/api/projects/${projectId}/datasets/${datasetId}/export?format=${format}${at ? `&at=${encodeURIComponent(at)}` : ""}`;

  if (dataset.isError) return <FieldError>{dataset.error.message}</FieldError>;
  return (
    <div className="space-y-4">
      <div>
        <Link href={`/project/${projectId}/datasets`} className="text-xs text-zinc-500 hover:underline">← Golden sets</Link>
        {dataset.isPending ? <Skeleton className="mt-1 h-7 w-64" /> : (
          <>
            <div className="flex items-center gap-2">
              <h1 className="text-xl font-semibold">{dataset.data.name}</h1>
              {canEdit && <Button size="sm" variant="ghost" onClick={() => setSettings(true)} aria-label="Golden set settings" title="Rename, describe or delete"><Settings2 className="size-4" /></Button>}
            </div>
            <p className="text-sm text-zinc-500">{dataset.data.description ?? "Inputs with the outputs you expect."} · {dataset.data.itemCount} current item{dataset.data.itemCount === 1 ? "" : "s"}</p>
          </>
        )}
      </div>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <SnapshotPicker at={at} onChange={setAt} />
        <div className="flex flex-wrap items-center gap-2">
          <a href={exportHref("jsonl")} download className="inline-flex h-7 items-center gap-1 rounded-md border border-zinc-300 px-2.5 text-xs font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"><Download className="size-3.5" /> JSONL</a>
          <a href={exportHref("csv")} download className="inline-flex h-7 items-center gap-1 rounded-md border border-zinc-300 px-2.5 text-xs font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"><Download className="size-3.5" /> CSV</a>
          {!readOnly && (
            <>
              <PromoteFromTraceButton projectId={projectId} datasetId={datasetId} />
              <Button size="sm" variant="secondary" onClick={() => setImporting(true)} title="Import a JSONL or CSV file (u)"><Upload className="size-3.5" /> Import</Button>
              <Button size="sm" onClick={() => setEditing({ item: null })} title="Add item (n)"><Plus className="size-3.5" /> Add item</Button>
            </>
          )}
        </div>
      </div>
      {!readOnly && <KeyLegend keys={DETAIL_KEYS} />}
      {at && (
        <p className="rounded-md bg-indigo-50 px-3 py-2 text-sm text-indigo-900 dark:bg-indigo-950 dark:text-indigo-200" data-testid="snapshot-banner">
          Showing the set as it was at {formatDateTime(at)} (read-only). <button type="button" className="underline" onClick={() => setAt(null)}>Back to now</button>
        </p>
      )}
      <Card>
        {items.isPending ? (
          <div className="space-y-2"><Skeleton className="h-10 w-full" /><Skeleton className="h-10 w-full" /><Skeleton className="h-10 w-3/4" /></div>
        ) : items.isError ? (
          <FieldError>{items.error.message}</FieldError>
        ) : loaded.length === 0 ? (
          <EmptyState title={at ? "No items at that time" : "This golden set is empty"}>
            {at ? "Pick a later instant, or go back to now." : "Promote a failing trace from the trace page or the inbox (Promote to golden set), import a JSONL/CSV file, or add an item by hand."}
          </EmptyState>
        ) : (
          <>
            <ItemsTable projectId={projectId} items={loaded} users={users} readOnly={readOnly} onEdit={(item) => setEditing({ item })} onHistory={setHistoryOf} onDelete={remove} />
            {items.hasNextPage && (
              <div className="mt-3 flex items-center gap-3 text-xs text-zinc-500" data-testid="items-more">
                <Button size="sm" variant="secondary" disabled={items.isFetchingNextPage} onClick={() => void items.fetchNextPage()}>
                  {items.isFetchingNextPage ? "Loading…" : "Load more"}
                </Button>
                {loaded.length.toLocaleString("en")} of {total.toLocaleString("en")} items shown
              </div>
            )}
          </>
        )}
      </Card>
      <ItemEditDialog projectId={projectId} datasetId={datasetId} item={editing?.item ?? null} open={!!editing} onOpenChange={(o) => !o && setEditing(null)} />
      <ItemHistoryDialog projectId={projectId} datasetId={datasetId} itemId={historyOf} onClose={() => setHistoryOf(null)} />
      {dataset.data && <DatasetSettingsDialog projectId={projectId} dataset={dataset.data} open={settings} onOpenChange={setSettings} />}
      <ImportDialog projectId={projectId} datasetId={datasetId} open={importing} onOpenChange={setImporting} />
    </div>
  );
}
