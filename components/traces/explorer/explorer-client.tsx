"use client";
import { RefreshCw } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/card";
import { FieldError } from "@/components/ui/input";
import type { TraceRow } from "@/lib/queries/traces/keys";
import { useHasAnyTrace } from "@/lib/queries/traces/use-has-any-trace";
import { useTraceFilterOptions } from "@/lib/queries/traces/use-trace-filter-options";
import { useTraceListQuery } from "@/lib/queries/traces/use-trace-list-query";
import { ColumnPicker } from "./column-picker";
import { ExplorerEmpty } from "./explorer-empty";
import { activeFilterCount, type ExplorerState, explorerRequest, parseExplorerState, serializeExplorerState } from "./explorer-state";
import { FilterBar } from "./filter-bar";
import { MarkedPairBar, useMarkedPair } from "./marked-pair";
import { SavedViewsMenu } from "./saved-views-menu";
import { SearchBox } from "./search-box";
import { TraceTable } from "./trace-table";
import { useColumnVisibility } from "./use-column-visibility";
import { useListKeys } from "./use-list-keys";

const noopSubscribe = () => () => {};

/** The view lives in the URL so a reload or a shared link reproduces it. */
function useExplorerUrlState() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const qs = params.toString();
  const state = useMemo(() => parseExplorerState(new URLSearchParams(qs)), [qs]);
  const navigate = useCallback((query: string) => router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }), [router, pathname]);
  const setState = useCallback((next: ExplorerState) => navigate(serializeExplorerState(next)), [navigate]);
  return { state, setState, navigate };
}

export function ExplorerClient(props: { projectId: string; origin: string; canManageViews: boolean; canAnnotate?: boolean }) {
  // Relative ranges depend on the browser's clock, so render only in the browser.
  const mounted = useSyncExternalStore(noopSubscribe, () => true, () => false);
  return mounted ? <Explorer {...props} canAnnotate={props.canAnnotate ?? false} /> : <ExplorerSkeleton />;
}

function Explorer({ projectId, origin, canManageViews, canAnnotate }: { projectId: string; origin: string; canManageViews: boolean; canAnnotate: boolean }) {
  const router = useRouter();
  const { state, setState, navigate } = useExplorerUrlState();
  const canonical = serializeExplorerState(state);
  // "Now" is fixed per view (and on Refresh): the request carries absolute bounds, so the cursor pages a stable set.
  const [anchor, setAnchor] = useState(() => ({ view: canonical, now: Date.now() }));
  const now = anchor.view === canonical ? anchor.now : Date.now();
  useEffect(() => setAnchor((a) => (a.view === canonical ? a : { view: canonical, now })), [canonical, now]);
  const request = useMemo(() => explorerRequest(state, now), [state, now]);

  const list = useTraceListQuery(projectId, request);
  const options = useTraceFilterOptions(projectId);
  const rows = useMemo<TraceRow[]>(() => list.data?.pages.flatMap((p) => p.data) ?? [], [list.data]);
  const empty = list.isSuccess && !list.isPlaceholderData && rows.length === 0;
  const hasAny = useHasAnyTrace(projectId, empty);
  const [selected, setSelected] = useState(-1);
  const open = useCallback((row: TraceRow) => router.push(`/project/${projectId}/traces/${row.id}`), [router, projectId]);
  useListKeys({ count: rows.length, selected, setSelected, onOpen: (i) => rows[i] && open(rows[i]) });
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const columns = useColumnVisibility();
  const pairing = useMarkedPair(canAnnotate ? rows[selected]?.id : undefined);

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">Traces</h1>
        <div className="flex flex-1 items-center justify-end gap-2">
          <SearchBox value={state.filters.q ?? ""} onCommit={(q) => setState({ ...state, filters: { ...state.filters, q: q || undefined } })} />
          <ColumnPicker visible={columns.visible} custom={columns.custom} onToggle={columns.toggle} onReset={columns.reset} />
          <SavedViewsMenu projectId={projectId} currentQuery={canonical} canManage={canManageViews} onApply={(v) => navigate(v.query)} />
          <Button variant="secondary" size="sm" aria-label="Refresh" title="Refresh" disabled={list.isFetching}
            onClick={() => { setAnchor({ view: canonical, now: Date.now() }); setSelected(-1); }}>
            <RefreshCw className={`h-3.5 w-3.5 ${list.isFetching ? "animate-spin" : ""}`} />
          </Button>
        </div>
      </div>
      <FilterBar state={state} options={options.data} onChange={(next) => { setSelected(-1); setState(next); }} />
      {list.isError ? (
        <FieldError>{`Could not load traces: ${list.error.message}`}</FieldError>
      ) : list.isPending ? (
        <TableSkeleton />
      ) : empty ? (
        hasAny.isPending ? <TableSkeleton /> : <ExplorerEmpty projectId={projectId} origin={origin} hasAny={hasAny.data ?? true} onClear={() => setState({ ...state, range: "all", filters: {} })} />
      ) : (
        <>
          <TraceTable
            rows={rows} sort={state.sort} order={state.order} onSort={(sort, order) => { setSelected(-1); setState({ ...state, sort, order }); }}
            selected={selected} onSelect={setSelected} onOpen={open}
            hasMore={hasNextPage} loadingMore={isFetchingNextPage} onLoadMore={loadMore} resetKey={JSON.stringify(request)}
            visibleColumns={columns.visible} marked={canAnnotate ? pairing.marked : undefined} onToggleMark={canAnnotate ? pairing.toggle : undefined}
          />
          {canAnnotate && <MarkedPairBar projectId={projectId} marked={pairing.marked} onClear={pairing.clear} />}
          <p className="text-xs text-zinc-500">
            <kbd>/</kbd> search · <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>Enter</kbd> open{canAnnotate ? <> · <kbd>x</kbd> mark two to compare as a pair</> : null}{activeFilterCount(state) ? ` · ${activeFilterCount(state)} filter(s) active` : ""}
          </p>
        </>
      )}
    </div>
  );
}

function TableSkeleton() {
  return (
    <div className="space-y-2 rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900" data-testid="trace-table-loading">
      {Array.from({ length: 12 }, (_, i) => <Skeleton key={i} className="h-6 w-full" />)}
    </div>
  );
}

export function ExplorerSkeleton() {
  return (
    <div className="space-y-3">
      <Skeleton className="h-8 w-48" />
      <Skeleton className="h-16 w-full" />
      <TableSkeleton />
    </div>
  );
}
