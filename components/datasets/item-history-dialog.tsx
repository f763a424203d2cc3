"use client";
import { Badge, Skeleton } from "@/components/ui/card";
import { FieldError } from "@/components/ui/input";
import { formatDateTime } from "@/lib/format/format-date";
import { useItemHistoryQuery } from "@/lib/queries/datasets/use-item-history-query";
import { JsonBlock } from "./json-value";
import { WideDialog } from "@/components/ui/dialog";

/** Every version of one item with its validity interval and author, newest first. */
export function ItemHistoryDialog({ projectId, datasetId, itemId, onClose }: { projectId: string; datasetId: string; itemId: string | null; onClose: () => void }) {
  const history = useItemHistoryQuery(projectId, datasetId, itemId);
  return (
    <WideDialog open={!!itemId} onOpenChange={(o) => !o && onClose()} title="Item history" description="Each edit closes the previous version; a snapshot at an instant sees exactly one version.">
      {history.isPending ? <Skeleton className="h-24 w-full" /> : history.isError ? <FieldError>{history.error.message}</FieldError> : (
        <ol className="space-y-4" data-testid="item-history">
          {[...history.data.versions].reverse().map((v) => {
            const who = v.createdById ? history.data.users[v.createdById] : null;
            return (
              <li key={v.id} className="rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
                <div className="mb-2 flex flex-wrap items-center gap-2 text-xs text-zinc-500">
                  <Badge tone={v.validTo ? "zinc" : "green"}>v{v.version}</Badge>
                  <span>{formatDateTime(v.validFrom)} → {v.validTo ? formatDateTime(v.validTo) : "now"}</span>
                  {who && <span>by {who.name ?? who.email}</span>}
                  {!v.validTo ? <span className="text-emerald-600">current</span> : v === history.data.versions.at(-1) ? <span className="text-red-600">deleted</span> : null}
                </div>
                <div className="grid gap-2 md:grid-cols-2">
                  <div><div className="mb-1 text-xs font-medium text-zinc-500">Input</div><JsonBlock value={v.input} /></div>
                  <div><div className="mb-1 text-xs font-medium text-zinc-500">Expected output</div><JsonBlock value={v.expectedOutput} /></div>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </WideDialog>
  );
}
