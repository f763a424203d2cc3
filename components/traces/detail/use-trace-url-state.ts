"use client";
import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";

/**
 * The one place the trace page reads and writes its URL: `?span=<id>` (selected span, a deep
 * link) and `?promote=1` (open the promote dialog; wired by the golden-set feature).
 *
 * The selected span lives in React state so moving through spans is instant and never loses a
 * key press; the URL follows it with history.replaceState (which Next's router observes, without
 * refetching the page or adding history entries), debounced because Next's router re-syncs the
 * URL per replaceState and a burst of them can land out of order. Navigations that change
 * `?span` from outside (a link, back/forward) win over the local state.
 */
export type TraceUrlState = { spanId: string | null; promote: boolean; triageItemId: string | null };
const URL_WRITE_DELAY_MS = 120;

function writeParams(patch: Partial<Record<"span" | "promote" | "triageItem", string | null>>) {
  const next = new URLSearchParams(window.location.search);
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || v === undefined) next.delete(k);
    else next.set(k, v);
  }
  const qs = next.toString();
  const url = `${window.location.pathname}${qs ? `?${qs}` : ""}${window.location.hash}`;
  if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) window.history.replaceState(null, "", url);
}

export function useTraceUrlState() {
  const params = useSearchParams();
  const urlSpan = params.get("span");
  const promote = params.get("promote") === "1";
  /** The inbox item a promotion came from (`g` in the inbox), kept as provenance. */
  const triageItemId = params.get("triageItem");
  const [spanId, setLocalSpanId] = useState(urlSpan);
  /** The latest selection, readable synchronously by key handlers between renders. */
  const spanIdRef = useRef(spanId);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const [seenUrlSpan, setSeenUrlSpan] = useState(urlSpan);
  if (urlSpan !== seenUrlSpan) {
    // The URL changed under us: adopt it unless it merely caught up with our own write.
    setSeenUrlSpan(urlSpan);
    if (urlSpan !== spanIdRef.current && timer.current === null) {
      spanIdRef.current = urlSpan;
      setLocalSpanId(urlSpan);
    }
  }

  const setSpanId = useCallback((id: string | null) => {
    spanIdRef.current = id;
    setLocalSpanId(id);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      writeParams({ span: spanIdRef.current });
    }, URL_WRITE_DELAY_MS);
  }, []);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const setPromote = useCallback((open: boolean) => writeParams(open ? { promote: "1" } : { promote: null, triageItem: null }), []);
  const state = useMemo<TraceUrlState>(() => ({ spanId, promote, triageItemId }), [spanId, promote, triageItemId]);
  return { ...state, spanIdRef, setSpanId, setPromote };
}

/** A shareable link to the trace, optionally to one span. */
export function traceLink(projectId: string, traceId: string, spanId?: string | null): string {
  const url = `${window.location.origin}/project/${projectId}/traces/${encodeURIComponent(traceId)}`;
  return spanId ? `${url}?span=${encodeURIComponent(spanId)}` : url;
}
