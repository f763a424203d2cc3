import { useEffect } from "react";
import { toast } from "sonner";
import { isTypingTarget } from "@/components/ui/keyboard";
import { useDriftMutations } from "@/lib/queries/drift/use-drift-mutations";
import type { DriftFilterValues } from "./drift-filter-bar";

type Options = { projectId: string; canManage: boolean; field: string; model?: string; filters: DriftFilterValues; noVectors: boolean; onQueued: () => void };

/**
 * Queues a fresh report from the button or the "c" key. With no vectors yet the worker embeds
 * the report's spans first (offline or through the provider); the server says when it cannot.
 */
export function useComputeDrift({ projectId, canManage, field, model, filters, noVectors, onQueued }: Options) {
  const { computeNow } = useDriftMutations(projectId);
  const compute = () => computeNow.mutate({ field, model, ...(Object.keys(filters).length ? { filters } : {}) }, {
    onSuccess: () => { toast.success(noVectors ? "Drift report queued; the worker embeds the spans first, then computes it" : "Drift report queued; the worker computes it now"); onQueued(); },
    onError: (e) => toast.error(e.message),
  });
  // "c" computes a fresh report (when not typing in a field).
  useEffect(() => {
    if (!canManage) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "c" || e.metaKey || e.ctrlKey || e.altKey || isTypingTarget(e.target)) return;
      compute();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });
  return { compute, pending: computeNow.isPending };
}
