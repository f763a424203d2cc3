import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/card";
import { FieldError } from "@/components/ui/input";
import type { TriageChange, TriageItemRow, UserRef } from "@/lib/queries/triage/keys";
import type { useTriageListQuery } from "@/lib/queries/triage/use-triage-list-query";
import { InboxEmpty } from "./inbox-empty";
import { InboxList } from "./inbox-list";
import type { InboxView } from "./inbox-url-state";
import { ItemDetail } from "./item-detail";

type Props = {
  projectId: string; list: ReturnType<typeof useTriageListQuery>; items: TriageItemRow[]; view: InboxView; canUpdate: boolean;
  selectedId: string | null; checked: Set<string>; onSelect: (id: string) => void; onToggle: (id: string) => void; onToggleAll: () => void;
  traceHref: (traceId: string) => string; promoteHref: (item: { id: string; traceId: string }) => string;
  onChange: (id: string, change: TriageChange, assignee?: UserRef | null) => void;
};

/** The list beside the selected item's detail, or what stands in for them while loading, on error or when empty. */
export function InboxResults({ projectId, list, items, view, canUpdate, selectedId, checked, onSelect, onToggle, onToggleAll, traceHref, promoteHref, onChange }: Props) {
  if (list.isPending) {
    return (
      <div className="grid grid-cols-[minmax(0,1fr)_minmax(0,1.1fr)] gap-4" aria-busy>
        <div className="space-y-2">{Array.from({ length: 8 }, (_, i) => <Skeleton key={i} className="h-16 w-full" />)}</div>
        <Skeleton className="h-96 w-full" />
      </div>
    );
  }
  if (list.isError) return <FieldError>{list.error.message}</FieldError>;
  if (items.length === 0) return <InboxEmpty projectId={projectId} filtered={Boolean(view.reason || view.assignee) || view.tab !== "open"} />;
  return (
    <div className="grid grid-cols-[minmax(0,1fr)_minmax(0,1.1fr)] items-start gap-4">
      <div className="space-y-2">
        <InboxList items={items} selectedId={selectedId} checked={checked} canUpdate={canUpdate} showStatus={view.tab === "all"} onSelect={onSelect} onToggle={onToggle} onToggleAll={onToggleAll} />
        {list.hasNextPage && (
          <Button variant="secondary" size="sm" className="w-full" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {list.isFetchingNextPage ? "Loading…" : "Load more"}
          </Button>
        )}
      </div>
      <div className="sticky top-4 max-h-[calc(100vh-2rem)] overflow-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <ItemDetail projectId={projectId} itemId={selectedId} canUpdate={canUpdate} traceHref={traceHref} promoteHref={promoteHref} onChange={onChange} />
      </div>
    </div>
  );
}
