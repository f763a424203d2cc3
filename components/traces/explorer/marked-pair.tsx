"use client";
import { useCallback, useEffect, useState } from "react";
import { SendToQueueDialog } from "@/components/annotate/send-to-queue-dialog";
import { Button } from "@/components/ui/button";
import { isTypingTarget } from "@/components/ui/keyboard";

/** Traces marked for a queue: `x` toggles the selected row (shift-click too). Two make a pair; any number go to a rating queue. */
export function useMarkedPair(selectedId: string | undefined) {
  const [marked, setMarked] = useState<string[]>([]);
  const toggle = useCallback((id: string) => setMarked((m) => (m.includes(id) ? m.filter((x) => x !== id) : [...m, id].slice(-100))), []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "x" || e.metaKey || e.ctrlKey || e.altKey || isTypingTarget(e.target) || !selectedId) return;
      e.preventDefault();
      toggle(selectedId);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [selectedId, toggle]);
  return { marked: new Set(marked), order: marked, toggle, clear: () => setMarked([]) };
}

export function MarkedPairBar({ projectId, marked, onClear }: { projectId: string; marked: ReadonlySet<string>; onClear: () => void }) {
  if (!marked.size) return null;
  const ids = [...marked];
  return (
    <div className="flex items-center gap-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm dark:border-amber-900 dark:bg-amber-950/40" data-testid="marked-pair-bar">
      <span>{ids.length} {ids.length === 1 ? "trace" : "traces"} marked{ids.length === 2 ? " (first = A, second = B)" : ids.length === 1 ? ": mark one more to compare as a pair" : ""}</span>
      {ids.length === 2 && <SendToQueueDialog projectId={projectId} source={{ kind: "traces", traceIds: [ids[0]!, ids[1]!] }} label="Compare as a pair" testId="compare-as-pair" />}
      <SendToQueueDialog projectId={projectId} source={{ kind: "items", traceIds: ids }} label="Send to rating queue" testId="send-to-rating-queue" />
      <Button variant="ghost" size="sm" onClick={onClear}>Clear</Button>
    </div>
  );
}
