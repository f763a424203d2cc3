"use client";
import Link from "next/link";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { Card, EmptyState, Skeleton } from "@/components/ui/card";
import { FieldError } from "@/components/ui/input";
import type { Role } from "@/lib/auth/permissions";
import { ApiError } from "@/lib/queries/query-client";
import type { SpanView, TraceDetail } from "@/lib/queries/traces/trace-detail";
import { useTraceDetailQuery } from "@/lib/queries/traces/use-trace-detail-query";
import { ValueView } from "./chat-view";
import { JsonView } from "./json-view";
import { ScoresList } from "./scores-list";
import { SpanPanel } from "./span-panel";
import { SpanTree } from "./span-tree";
import { ancestorIds, buildSpanTree, traceBounds, visibleRows } from "./span-tree-model";
import { TraceHeader } from "./trace-header";
import { useTraceUrlState } from "./use-trace-url-state";
import { isTypingTarget } from "@/components/ui/keyboard";

export function TraceDetailClient({ projectId, traceId, role }: { projectId: string; traceId: string; role?: Role }) {
  const query = useTraceDetailQuery(projectId, traceId);
  if (query.isPending) return <TraceDetailSkeleton />;
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 404) {
      return (
        <div data-testid="trace-not-found">
          <EmptyState title="Trace not found">
            No trace <code className="break-all font-mono">{traceId}</code> in this project. It may not have been ingested yet (writes are visible within a second),
            or the link belongs to another project. <Link className="text-indigo-600 hover:underline" href={`/project/${projectId}/traces`}>Back to traces</Link>
          </EmptyState>
        </div>
      );
    }
    return <FieldError>{query.error.message}</FieldError>;
  }
  return <TraceDetailView projectId={projectId} trace={query.data} role={role} />;
}

function TraceDetailSkeleton() {
  return (
    <div className="space-y-4" data-testid="trace-loading">
      <Skeleton className="h-32 w-full" />
      <div className="grid gap-4 lg:grid-cols-2">
        <Skeleton className="h-96 w-full" />
        <Skeleton className="h-96 w-full" />
      </div>
    </div>
  );
}


function TraceDetailView({ projectId, trace, role }: { projectId: string; trace: TraceDetail; role?: Role }) {
  const url = useTraceUrlState();
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const roots = useMemo(() => buildSpanTree(trace.spans), [trace.spans]);
  const rows = useMemo(() => visibleRows(roots, collapsed), [roots, collapsed]);
  const bounds = useMemo(() => traceBounds(trace.spans, trace), [trace]);
  const byId = useMemo(() => new Map(trace.spans.map((s) => [s.id, s])), [trace.spans]);
  const selected: SpanView | undefined = (url.spanId ? byId.get(url.spanId) : undefined) ?? rows[0]?.span;
  const { setSpanId } = url;

  // A deep link to a span inside a collapsed subtree opens the path to it.
  useEffect(() => {
    if (!url.spanId || !byId.has(url.spanId)) return;
    const path = ancestorIds(trace.spans, url.spanId);
    setCollapsed((c) => (path.some((id) => c.has(id)) ? new Set([...c].filter((id) => !path.includes(id))) : c));
  }, [url.spanId, byId, trace.spans]);

  const selectedId = selected?.id;
  const toggle = useCallback((id: string) => {
    const collapsing = !collapsed.has(id);
    setCollapsed((c) => {
      const next = new Set(c);
      if (!next.delete(id)) next.add(id);
      return next;
    });
    // Hiding the selected span moves the selection to the collapsed parent, so it stays visible.
    if (collapsing && selectedId && ancestorIds(trace.spans, selectedId).includes(id)) setSpanId(id);
  }, [collapsed, selectedId, trace.spans, setSpanId]);

  // Layout effects: the listener exists from the first paint of the spans (no key press is lost
  // between paint and a passive effect), and always sees the latest rows through the ref.
  const onKeyRef = useRef<(e: KeyboardEvent) => void>(() => {});
  useLayoutEffect(() => {
    onKeyRef.current = (e: KeyboardEvent) => {
      if (e.metaKey || e.ctrlKey || e.altKey || isTypingTarget(e.target) || rows.length === 0) return;
      // The ref, not the render: key repeats can outrun React's re-render.
      const current = url.spanIdRef.current && byId.has(url.spanIdRef.current) ? url.spanIdRef.current : selected?.id;
      const i = Math.max(0, rows.findIndex((r) => r.span.id === current));
      const row = rows[i]!;
      if (e.key === "ArrowDown" || e.key === "j") setSpanId(rows[Math.min(rows.length - 1, i + 1)]!.span.id);
      else if (e.key === "ArrowUp" || e.key === "k") setSpanId(rows[Math.max(0, i - 1)]!.span.id);
      else if ((e.key === "ArrowLeft" || e.key === "h") && row.childCount && !collapsed.has(row.span.id)) toggle(row.span.id);
      else if ((e.key === "ArrowRight" || e.key === "l") && row.childCount && collapsed.has(row.span.id)) toggle(row.span.id);
      else return;
      e.preventDefault();
    };
  });
  useLayoutEffect(() => {
    const listener = (e: KeyboardEvent) => onKeyRef.current(e);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);

  const spanNames = useMemo(() => new Map(trace.spans.map((s) => [s.id, s.name])), [trace.spans]);
  const onSpanScores = trace.scores.filter((s) => s.spanId).length;
  const spanScores = selected ? trace.scores.filter((s) => s.spanId === selected.id) : [];
  const hasMetadata = typeof trace.metadata === "object" && trace.metadata !== null && Object.keys(trace.metadata).length > 0;

  return (
    <div className="space-y-4" data-testid="trace-detail">
      <TraceHeader projectId={projectId} trace={trace} selectedSpanId={selected?.id ?? null} role={role} />
      <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,5fr)_minmax(0,6fr)]">
        <div className="space-y-4">
          <Card title={`Spans (${trace.spans.length})`} description="↑/↓ or j/k move · ←/→ collapse and expand · the selection is in the link" className="overflow-hidden">
            {trace.spans.length === 0 ? (
              <p className="text-sm text-zinc-500">This trace has no spans yet: only its trace event arrived.</p>
            ) : (
              <div className="-m-4 max-h-[65vh] overflow-auto">
                <SpanTree rows={rows} bounds={bounds} selectedId={selected?.id ?? null} collapsed={collapsed} onSelect={setSpanId} onToggle={toggle} />
              </div>
            )}
          </Card>
          {/* Every score of the trace, its spans' included (online evaluations score the LLM span), each naming its span. */}
          <Card title={`Feedback and scores (${trace.scores.length})`} description={onSpanScores ? `${trace.scores.length - onSpanScores} on the trace, ${onSpanScores} on spans` : undefined}>
            <div data-testid="trace-scores">
              <ScoresList scores={trace.scores} empty="No feedback or scores on this trace or its spans yet." spans={{ names: spanNames, onSelect: setSpanId }} />
            </div>
          </Card>
          {hasMetadata && <Card title="Trace metadata"><JsonView value={trace.metadata} /></Card>}
        </div>
        <div className="rounded-lg border border-zinc-200 bg-white lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-auto dark:border-zinc-800 dark:bg-zinc-900">
          {selected ? (
            <SpanPanel key={selected.id} span={selected} scores={spanScores} />
          ) : (
            <div className="space-y-3 p-4" data-testid="trace-io">
              <h3 className="text-[11px] font-semibold uppercase tracking-wide text-zinc-500">Trace input</h3>
              <ValueView value={trace.input} defaultRole="user" />
              <h3 className="text-[11px] font-semibold uppercase tracking-wide text-zinc-500">Trace output</h3>
              <ValueView value={trace.output} defaultRole="assistant" />
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
