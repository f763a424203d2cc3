import { useCallback } from "react";

/** Where an item's trace opens, and where promoting it to a golden set starts (the trace page, with the item to link back). */
export function useInboxLinks(projectId: string) {
  const traceHref = useCallback((traceId: string) => `/project/${projectId}/traces/${encodeURIComponent(traceId)}`, [projectId]);
  const promoteHref = useCallback((item: { id: string; traceId: string }) => `${traceHref(item.traceId)}?promote=1&triageItem=${encodeURIComponent(item.id)}`, [traceHref]);
  return { traceHref, promoteHref };
}
