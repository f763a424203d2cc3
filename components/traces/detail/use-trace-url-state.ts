"use client";
import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";

/**
 * The one place the trace page reads and writes its URL: `?span=<id>` (selected span, a deep
 * link) and `?promote=1` (open the promote dialog; wired by the golden-set feature). Writes use
 * history.replaceState, which Next's router observes, so moving through spans neither refetches
 * the page nor piles up history entries.
 */
export type TraceUrlState = { spanId: string | null; promote: boolean };

export function useTraceUrlState() {
  const params = useSearchParams();
  const state = useMemo<TraceUrlState>(() => ({ spanId: params.get("span"), promote: params.get("promote") === "1" }), [params]);
  const update = useCallback((patch: Partial<Record<"span" | "promote", string | null>>) => {
    const next = new URLSearchParams(window.location.search);
    for (const [k, v] of Object.entries(patch)) {
      if (v === null || v === undefined) next.delete(k);
      else next.set(k, v);
    }
    const qs = next.toString();
    window.history.replaceState(null, "", `${window.location.pathname}${qs ? `?${qs}` : ""}${window.location.hash}`);
  }, []);
  const setSpanId = useCallback((id: string | null) => update({ span: id }), [update]);
  const setPromote = useCallback((open: boolean) => update({ promote: open ? "1" : null }), [update]);
  return { ...state, setSpanId, setPromote };
}

/** A shareable link to the trace, optionally to one span. */
export function traceLink(projectId: string, traceId: string, spanId?: string | null): string {
  const path = `/project/${projectId}/traces/${encodeURIComponent(traceId)}`;
  const url = `${window.location.origin}${path}`;
  return spanId ? `${url}?span=${encodeURIComponent(spanId)}` : url;
}
