"use client";
import { useMemo } from "react";
import type { UserRef } from "@/lib/queries/triage/keys";
import { useTriageListQuery } from "@/lib/queries/triage/use-triage-list-query";
import { BulkBar } from "./bulk-bar";
import { InboxFilters } from "./inbox-filters";
import { InboxHeader } from "./inbox-header";
import { InboxResults } from "./inbox-results";
import { useApplyTriageChange } from "./use-apply-triage-change";
import { useCheckedItems } from "./use-checked-items";
import { useInboxLinks } from "./use-inbox-links";
import { useInboxSelection } from "./use-inbox-selection";
import { useInboxShortcuts } from "./use-inbox-shortcuts";
import { useInboxView } from "./use-inbox-view";

type Props = { projectId: string; me: UserRef; role: string; canUpdate: boolean };

export function InboxClient({ projectId, me, role, canUpdate }: Props) {
  const { view, filters, setView, pathname, linkedItemId } = useInboxView();
  const list = useTriageListQuery(projectId, filters);
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const loadMore = () => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  };
  // Hook order is effect order: the selection settles before checked items are pruned and keys are bound.
  const { selectedId, setSelectedId, move } = useInboxSelection({ items, view, pathname, linkedItemId, loadMore });
  const { checked, toggle, toggleAll, clear } = useCheckedItems(items);
  const { apply, busy } = useApplyTriageChange({ projectId, items, me, role, canUpdate, onBulkDone: clear });
  const { traceHref, promoteHref } = useInboxLinks(projectId);
  useInboxShortcuts({ items, selectedId, checked, me, role, canUpdate, move, apply, toggle, clear, traceHref, promoteHref });

  return (
    <div className="space-y-4">
      <InboxHeader canUpdate={canUpdate} />
      <InboxFilters pathname={pathname} view={view} counts={list.data?.pages[0]?.counts} onChange={setView} />
      {canUpdate && checked.size > 0 && (
        <BulkBar
          count={checked.size}
          busy={busy}
          onResolve={() => apply([...checked], { status: "resolved" })}
          onIgnore={() => apply([...checked], { status: "ignored" })}
          onAssignMe={() => apply([...checked], { assigneeId: me.id }, me)}
          onClear={clear}
        />
      )}
      <InboxResults
        projectId={projectId} list={list} items={items} view={view} canUpdate={canUpdate}
        selectedId={selectedId} checked={checked} onSelect={setSelectedId} onToggle={toggle} onToggleAll={toggleAll}
        traceHref={traceHref} promoteHref={promoteHref} onChange={(id, c, assignee) => apply([id], c, assignee)}
      />
    </div>
  );
}
