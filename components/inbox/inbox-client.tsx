"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/card";
import { FieldError } from "@/components/ui/input";
import type { TriageChange, UserRef } from "@/lib/queries/triage/keys";
import { useChangeTriageItems } from "@/lib/queries/triage/use-change-triage-items";
import { useTriageListQuery } from "@/lib/queries/triage/use-triage-list-query";
import { transitionProblem } from "@/lib/triage/status";
import { BulkBar } from "./bulk-bar";
import { InboxEmpty } from "./inbox-empty";
import { InboxFilters } from "./inbox-filters";
import { InboxList } from "./inbox-list";
import { inboxToast } from "./inbox-toast";
import { type InboxShortcut, type InboxView, inboxShortcut, parseInboxView, serializeInboxView, viewFilters } from "./inbox-url-state";
import { ItemDetail } from "./item-detail";
import { ShortcutLegend } from "./shortcut-legend";

type Props = { projectId: string; me: UserRef; role: string; canUpdate: boolean };

const DONE: Partial<Record<string, string>> = { resolved: "Resolved", ignored: "Ignored", investigating: "Marked investigating", open: "Reopened" };

export function InboxClient({ projectId, me, role, canUpdate }: Props) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const view = useMemo(() => parseInboxView(params), [params]);
  const filters = useMemo(() => viewFilters(view), [view]);
  const list = useTriageListQuery(projectId, filters);
  const change = useChangeTriageItems(projectId);
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const counts = list.data?.pages[0]?.counts;

  const [selectedId, setSelectedId] = useState<string | null>(() => params.get("item"));
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const lastIndex = useRef(0);

  const setView = useCallback((v: InboxView) => {
    const qs = serializeInboxView(v);
    router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  }, [router, pathname]);

  // Keep a valid selection: when the selected item leaves the list (resolved in the Open tab),
  // the one that took its place is selected, so r, r, r walks down the inbox.
  useEffect(() => {
    if (!items.length) return;
    const index = selectedId ? items.findIndex((i) => i.id === selectedId) : -1;
    if (index >= 0) lastIndex.current = index;
    else setSelectedId(items[Math.min(lastIndex.current, items.length - 1)]!.id);
  }, [items, selectedId]);

  // The selected item is part of the link (without a navigation per keystroke).
  useEffect(() => {
    const qs = serializeInboxView(view, selectedId);
    const url = qs ? `${pathname}?${qs}` : pathname;
    if (`${window.location.pathname}${window.location.search}` !== url) window.history.replaceState(window.history.state, "", url);
    if (selectedId) document.getElementById(`inbox-item-${selectedId}`)?.scrollIntoView({ block: "nearest" });
  }, [view, selectedId, pathname]);

  // Checked items that are no longer listed (other tab, filtered out) are dropped.
  useEffect(() => {
    setChecked((prev) => {
      const next = new Set([...prev].filter((id) => items.some((i) => i.id === id)));
      return next.size === prev.size ? prev : next;
    });
  }, [items]);

  const traceHref = useCallback((traceId: string) => `/project/${projectId}/traces/${encodeURIComponent(traceId)}`, [projectId]);
  const promoteHref = useCallback((item: { id: string; traceId: string }) => `${traceHref(item.traceId)}?promote=1&triageItem=${encodeURIComponent(item.id)}`, [traceHref]);

  const apply = useCallback(
    (itemIds: string[], c: TriageChange, assignee?: UserRef | null) => {
      if (!canUpdate) {
        inboxToast.error(`Your role (${role}) can read the inbox but not change it`);
        return;
      }
      if (!itemIds.length) return;
      if (itemIds.length === 1 && c.status) {
        const item = items.find((i) => i.id === itemIds[0]);
        const problem = item ? transitionProblem(item.status, c.status) : null;
        if (problem) {
          inboxToast.error(`Cannot ${c.status === "resolved" ? "resolve" : c.status === "ignored" ? "ignore" : "change"} this item: ${problem}`);
          return;
        }
      }
      const n = itemIds.length;
      change.mutate(
        { itemIds, change: c, assignee },
        {
          onSuccess: () => {
            const what = c.status ? DONE[c.status] : c.assigneeId === me.id ? "Assigned to you" : c.assigneeId === null ? "Unassigned" : "Assigned";
            inboxToast.success(n > 1 ? `${what}: ${n} items` : what!);
            if (n > 1) setChecked(new Set());
          },
          onError: (e) => inboxToast.error(e.message),
        },
      );
    },
    [canUpdate, role, items, change, me.id],
  );

  const targets = useCallback(() => (checked.size ? [...checked] : selectedId ? [selectedId] : []), [checked, selectedId]);

  const move = useCallback(
    (step: 1 | -1) => {
      if (!items.length) return;
      const index = selectedId ? items.findIndex((i) => i.id === selectedId) : -1;
      const next = Math.max(0, Math.min(items.length - 1, index + step));
      setSelectedId(items[next]!.id);
      if (step === 1 && next >= items.length - 3 && list.hasNextPage && !list.isFetchingNextPage) void list.fetchNextPage();
    },
    [items, selectedId, list],
  );

  const run = useCallback(
    (action: InboxShortcut) => {
      const selected = items.find((i) => i.id === selectedId);
      switch (action) {
        case "next": return move(1);
        case "prev": return move(-1);
        case "assign": return apply(targets(), { assigneeId: me.id }, me);
        case "resolve": return apply(targets(), { status: "resolved" });
        case "ignore": return apply(targets(), { status: "ignored" });
        case "open": return selected && router.push(traceHref(selected.traceId));
        case "promote":
          if (!canUpdate) return inboxToast.error(`Your role (${role}) cannot promote to golden sets`);
          return selected && router.push(promoteHref(selected));
        case "toggle":
          if (!canUpdate || !selectedId) return;
          return setChecked((prev) => {
            const next = new Set(prev);
            if (!next.delete(selectedId)) next.add(selectedId);
            return next;
          });
        case "clear": return setChecked(new Set());
        case "help": return inboxToast.message("j/k move · a assign to me · r resolve · i ignore · x check · ↵ open trace · g promote");
      }
    },
    [items, selectedId, move, apply, targets, me, router, traceHref, promoteHref, canUpdate, role],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = inboxShortcut(e);
      if (!action) return;
      e.preventDefault();
      run(action);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [run]);

  const toggle = (id: string) => setChecked((prev) => {
    const next = new Set(prev);
    if (!next.delete(id)) next.add(id);
    return next;
  });
  const toggleAll = () => setChecked((prev) => (items.every((i) => prev.has(i.id)) ? new Set() : new Set(items.map((i) => i.id))));

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">Inbox</h1>
          <p className="text-sm text-zinc-500">Failing and suspicious traces, one item per trace. {canUpdate ? "" : "Read-only for your role."}</p>
        </div>
        <ShortcutLegend canUpdate={canUpdate} />
      </div>
      <InboxFilters pathname={pathname} view={view} counts={counts} onChange={setView} />
      {canUpdate && checked.size > 0 && (
        <BulkBar
          count={checked.size}
          busy={change.isPending}
          onResolve={() => apply([...checked], { status: "resolved" })}
          onIgnore={() => apply([...checked], { status: "ignored" })}
          onAssignMe={() => apply([...checked], { assigneeId: me.id }, me)}
          onClear={() => setChecked(new Set())}
        />
      )}
      {list.isPending ? (
        <div className="grid grid-cols-[minmax(0,1fr)_minmax(0,1.1fr)] gap-4" aria-busy>
          <div className="space-y-2">{Array.from({ length: 8 }, (_, i) => <Skeleton key={i} className="h-16 w-full" />)}</div>
          <Skeleton className="h-96 w-full" />
        </div>
      ) : list.isError ? (
        <FieldError>{list.error.message}</FieldError>
      ) : items.length === 0 ? (
        <InboxEmpty projectId={projectId} filtered={Boolean(view.reason || view.assignee) || view.tab !== "open"} />
      ) : (
        <div className="grid grid-cols-[minmax(0,1fr)_minmax(0,1.1fr)] items-start gap-4">
          <div className="space-y-2">
            <InboxList items={items} selectedId={selectedId} checked={checked} canUpdate={canUpdate} showStatus={view.tab === "all"} onSelect={setSelectedId} onToggle={toggle} onToggleAll={toggleAll} />
            {list.hasNextPage && (
              <Button variant="secondary" size="sm" className="w-full" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                {list.isFetchingNextPage ? "Loading…" : "Load more"}
              </Button>
            )}
          </div>
          <div className="sticky top-4 max-h-[calc(100vh-2rem)] overflow-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
            <ItemDetail
              projectId={projectId}
              itemId={selectedId}
              canUpdate={canUpdate}
              traceHref={traceHref}
              promoteHref={promoteHref}
              onChange={(id, c, assignee) => apply([id], c, assignee)}
            />
          </div>
        </div>
      )}
    </div>
  );
}
