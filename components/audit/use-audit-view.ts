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
  const setView = useCallback((patch: Partial<AuditView>) => {
    const qs = serializeAuditView({ ...view, ...patch });
    router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  }, [router, pathname, view]);
  return { view, filters, setView };
}
