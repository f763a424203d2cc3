import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef } from "react";
import { type AuditView, auditFilters, parseAuditView, serializeAuditView } from "./audit-url-state";

/** The audit filters live in the URL (shareable); a relative range is anchored when the view changes. */
export function useAuditView() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const view = useMemo(() => parseAuditView(params), [params]);
  const filters = useMemo(() => auditFilters(view, Date.now()), [view]);
  // The view the last change asked for: router.replace lands in a transition, so two changes in a
  // row (the action box's blur, then a select) must compose here, not on the URL or the render.
  const latest = useRef(view);
  useEffect(() => {
    latest.current = view;
  }, [view]);
  const setView = useCallback((patch: Partial<AuditView>) => {
    latest.current = { ...latest.current, ...patch };
    const qs = serializeAuditView(latest.current);
    router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  }, [router, pathname]);
  return { view, filters, setView };
}
