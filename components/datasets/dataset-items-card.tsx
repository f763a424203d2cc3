import { useMemo } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, EmptyState, Skeleton } from "@/components/ui/card";
import { FieldError } from "@/components/ui/input";
import type { DatasetItemRow, UserNames } from "@/lib/queries/datasets/keys";
import { useDatasetItemsQuery } from "@/lib/queries/datasets/use-dataset-items-query";
import { useDatasetMutations } from "@/lib/queries/datasets/use-dataset-mutations";
import { ItemsTable } from "./items-table";

type Props = {
  projectId: string; datasetId: string; at: string | null; readOnly: boolean;
  items: ReturnType<typeof useDatasetItemsQuery>; onEdit: (item: DatasetItemRow) => void; onHistory: (itemId: string) => void;
};

/** The items loaded so far (pages of 200) with "Load more", or what stands in for them. */
export function DatasetItemsCard({ projectId, datasetId, at, readOnly, items, onEdit, onHistory }: Props) {
  const m = useDatasetMutations(projectId);
  const loaded = useMemo(() => items.data?.pages.flatMap((p) => p.items) ?? [], [items.data]);
  const users = useMemo(() => Object.assign({}, ...(items.data?.pages.map((p) => p.users) ?? [])) as UserNames, [items.data]);
  const total = items.data?.pages[0]?.total ?? 0;

  function remove(item: DatasetItemRow) {
    if (!window.confirm("Delete this item? Snapshots before now keep it; its history stays.")) return;
    m.deleteItem.mutate({ datasetId, itemId: item.itemId }, { onSuccess: () => toast.success("Item deleted"), onError: (e) => toast.error(e.message) });
  }

  return (
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
          <ItemsTable projectId={projectId} items={loaded} users={users} readOnly={readOnly} onEdit={onEdit} onHistory={onHistory} onDelete={remove} />
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
  );
}
