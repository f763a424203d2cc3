import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { type AuditView, auditFilters, parseAuditView, serializeAuditView } from "./audit-url-state";

/** The audit filters live in the URL (shareable); a relative range is anchored when the view changes. */
export function useAuditView() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const view = useMemo(() => parseAuditView(params), [params]);
  const filters = useMemo(() => auditFilters(view, Date.now()), [view]);
  // Reads the URL at call time, not the render's view: two changes in a row (a blur, then a
  // select) must both land, and router.replace has not re-rendered between them.
  const setView = useCallback((patch: Partial<AuditView>) => {
    const qs = serializeAuditView({ ...parseAuditView(new URLSearchParams(window.location.search)), ...patch });
    router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  }, [router, pathname]);
  return { view, filters, setView };
}
