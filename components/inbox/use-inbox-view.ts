import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { type InboxView, parseInboxView, serializeInboxView, viewFilters } from "./inbox-url-state";

/** The tab and filters live in the URL (shareable); the item in the link is the one to select first. */
export function useInboxView() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const view = useMemo(() => parseInboxView(params), [params]);
  const filters = useMemo(() => viewFilters(view), [view]);
  const setView = useCallback((v: InboxView) => {
    const qs = serializeInboxView(v);
    router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  }, [router, pathname]);
  return { view, filters, setView, pathname, linkedItemId: params.get("item") };
}
